namespace SmtpDane.Dane;

/// <summary>Why a TLSA record was not used for matching. Each reason cites the rule that drops it.</summary>
public enum TlsaDropReason
{
    /// <summary>PKIX-TA(0): RFC 7672 §3.1.3 — SMTP clients may treat it as unusable; MTAs have no agreed CA set.</summary>
    PkixTaUsage,
    /// <summary>PKIX-EE(1): RFC 7672 §3.1.3, same reasoning as PKIX-TA(0).</summary>
    PkixEeUsage,
    /// <summary>Usage not defined by RFC 6698 §2.1.1 / RFC 7218 §2.1: RFC 7672 §3.1 gives SMTP only DANE-TA(2) and DANE-EE(3).</summary>
    UnknownUsage,
    /// <summary>Selector other than Cert(0) / SPKI(1) (RFC 6698 §2.1.2).</summary>
    UnknownSelector,
    /// <summary>Matching type other than Full(0) / SHA2-256(1) / SHA2-512(2) (RFC 6698 §2.1.3).</summary>
    UnknownMatchingType,
    /// <summary>SHA2-256 data not 32 octets or SHA2-512 data not 64 octets: can never match (RFC 6698 §2.1.3).</summary>
    WrongDigestLength,
    /// <summary>No certificate association data at all.</summary>
    EmptyData,
    /// <summary>Superseded: a stronger digest exists for the same usage and selector (RFC 7671 §9).</summary>
    WeakerDigest,
}
