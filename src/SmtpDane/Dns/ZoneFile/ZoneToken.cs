namespace SmtpDane.Dns.ZoneFile;

/// <summary>One field of a zone-file entry: its raw text (escapes not yet interpreted) and whether it was quoted.</summary>
internal readonly record struct ZoneToken(string Text, bool Quoted, int Line);
