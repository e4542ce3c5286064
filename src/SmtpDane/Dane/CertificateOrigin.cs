namespace SmtpDane.Dane;

/// <summary>Where a certificate in a verdict came from.</summary>
public enum CertificateOrigin
{
    /// <summary>Sent by the server in its Certificate message.</summary>
    ServedChain,
    /// <summary>Carried in full in a "2 0 0" TLSA record, which the server need not send (RFC 7671 §5.2).</summary>
    TlsaRecord,
}
