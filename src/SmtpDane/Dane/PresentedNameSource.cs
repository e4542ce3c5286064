namespace SmtpDane.Dane;

/// <summary>Where a presented identifier was found (RFC 7672 §3.2.3: SAN dNSName; CN only without any).</summary>
public enum PresentedNameSource
{
    SubjectAltNameDns,
    CommonName,
}
