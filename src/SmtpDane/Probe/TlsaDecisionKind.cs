namespace SmtpDane.Probe;

/// <summary>The five outcomes of a TLSA lookup for a DANE monitor (dane-rules.md §3 step 5; architecture.md:
/// failed, securely absent and present-but-unusable are different results).</summary>
public enum TlsaDecisionKind
{
    /// <summary>Secure, with at least one usable record: DANE applies.</summary>
    Usable,
    /// <summary>Secure, but every record was dropped (RFC 7672 §2.2: TLS mandatory, unauthenticated).</summary>
    Unusable,
    /// <summary>Securely denied at every name tried.</summary>
    Absent,
    /// <summary>Insecure: DANE does not apply.</summary>
    Insecure,
    /// <summary>Bogus or lookup failure (RFC 7672 §2.1.1): never treated as absent.</summary>
    Failed,
}
