namespace SmtpDane.Dane;

/// <summary>Which reference identifier matched which identifier presented by the certificate, and where the
/// presented identifier came from.</summary>
public sealed record NameMatch(string Reference, string Presented, PresentedNameSource Source);

/// <summary>Where a presented identifier was found (RFC 7672 §3.2.3: SAN dNSName; CN only without any).</summary>
public enum PresentedNameSource
{
    SubjectAltNameDns,
    CommonName,
}
