namespace SmtpDane.Dane;

/// <summary>One certificate on a candidate path; <see cref="ServedIndex"/> is null for a certificate taken from
/// a TLSA record.</summary>
internal readonly record struct PathNode(ParsedCertificate Cert, int? ServedIndex);
