namespace SmtpDane.Dns;

/// <summary>The one table that maps our reasons to RFC 8914 §4 INFO-CODEs, and resolver EDEs back to security.</summary>
public static class DnsProblemKinds
{
    /// <summary>RFC 8914 §4 code for a kind, or null when none fits.</summary>
    public static ushort? EdeCode(this DnsProblemKind kind) => kind switch
    {
        DnsProblemKind.UnsupportedDnskeyAlgorithm => 1,   // §4.2 Unsupported DNSKEY Algorithm
        DnsProblemKind.UnsupportedDsDigestType => 2,      // §4.3 Unsupported DS Digest Type
        DnsProblemKind.DnssecBogus => 6,                  // §4.7 DNSSEC Bogus
        DnsProblemKind.SignatureExpired => 7,             // §4.8 Signature Expired
        DnsProblemKind.SignatureNotYetValid => 8,         // §4.9 Signature Not Yet Valid
        DnsProblemKind.DnskeyMissing => 9,                // §4.10 DNSKEY Missing
        DnsProblemKind.RrsigsMissing => 10,               // §4.11 RRSIGs Missing
        DnsProblemKind.NoZoneKeyBitSet => 11,             // §4.12 No Zone Key Bit Set
        DnsProblemKind.NsecMissing => 12,                 // §4.13 NSEC Missing
        DnsProblemKind.Refused => 18,                     // §4.19 Prohibited
        DnsProblemKind.Timeout => 22,                     // §4.23 No Reachable Authority
        DnsProblemKind.NetworkError => 23,                // §4.24 Network Error
        DnsProblemKind.Nsec3IterationsTooHigh => 27,      // RFC 9276 §3.2: Unsupported NSEC3 Iterations Value
        DnsProblemKind.TrustAnchorMismatch => 6,
        DnsProblemKind.ValidationBudgetExceeded => 6,
        _ => null,
    };

    /// <summary>The reason an RFC 8914 INFO-CODE names, or null when the code is not DNSSEC- or transport-related.</summary>
    public static DnsProblemKind? FromEdeCode(ushort code) => code switch
    {
        1 => DnsProblemKind.UnsupportedDnskeyAlgorithm,
        2 => DnsProblemKind.UnsupportedDsDigestType,
        6 => DnsProblemKind.DnssecBogus,
        7 => DnsProblemKind.SignatureExpired,
        8 => DnsProblemKind.SignatureNotYetValid,
        9 => DnsProblemKind.DnskeyMissing,
        10 => DnsProblemKind.RrsigsMissing,
        11 => DnsProblemKind.NoZoneKeyBitSet,
        12 => DnsProblemKind.NsecMissing,
        18 => DnsProblemKind.Refused,
        22 => DnsProblemKind.Timeout,
        23 => DnsProblemKind.NetworkError,
        27 => DnsProblemKind.Nsec3IterationsTooHigh,
        _ => null,
    };

    /// <summary>RFC 8914 §4: codes 6–12 say the resolver judged the data Bogus (a validation failure, not an outage).
    /// Codes 1, 2 and 27 describe data the resolver treats as Insecure.</summary>
    public static bool IsBogusEde(ushort code) => code is >= 6 and <= 12;
}
