namespace SmtpDane.Dane;

/// <summary>Who signed the response (RFC 6960 §4.2.2.2).</summary>
public enum OcspResponderKind
{
    /// <summary>The CA that issued the leaf.</summary>
    Issuer,
    /// <summary>A responder certificate issued by that CA with id-kp-OCSPSigning.</summary>
    Delegated,
}
