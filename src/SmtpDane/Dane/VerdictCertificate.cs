namespace SmtpDane.Dane;

/// <summary>A certificate that took part in the verdict: its depth on the validated path, its bytes, and where it
/// came from (<see cref="ServedIndex"/> is its position in the server's chain, which may be out of order).</summary>
public sealed record VerdictCertificate(int Depth, byte[] Der, CertificateOrigin Origin, int? ServedIndex,
    DateTimeOffset? NotBefore, DateTimeOffset? NotAfter, string? Subject);
