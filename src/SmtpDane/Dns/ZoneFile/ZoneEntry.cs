namespace SmtpDane.Dns.ZoneFile;

/// <summary>One logical entry (RFC 1035 §5.1: a line, or several joined by parentheses). LeadingBlank means the line
/// began with white space, so the owner is the previous entry's owner.</summary>
internal sealed record ZoneEntry(IReadOnlyList<ZoneToken> Tokens, bool LeadingBlank, int Line);
