namespace SmtpDane.Dns;

/// <summary>The reason behind a non-Secure or failed answer. The RFC 8914 mapping is in <see cref="DnsProblemKinds"/>
/// (one table). Add members at the end; never renumber.</summary>
public enum DnsProblemKind
{
    // --- transport and configuration (Indeterminate) ---
    /// <summary>No resolver was configured (-resolver, DNS_RESOLVER, /etc/resolv.conf). We never fall back to a public one.</summary>
    NoResolverConfigured,
    /// <summary>No reply before the deadline from any resolver.</summary>
    Timeout,
    /// <summary>Socket-level failure (connection refused, unreachable…).</summary>
    NetworkError,
    /// <summary>A reply that does not parse (RFC 1035 §4.1.1 FORMERR territory) or violates a limit.</summary>
    MalformedResponse,
    /// <summary>The resolver answered SERVFAIL (RCODE 2) without a more specific EDE.</summary>
    ServerFailure,
    /// <summary>The resolver answered REFUSED (RCODE 5).</summary>
    Refused,
    /// <summary>Any other RCODE we cannot interpret as an answer (FORMERR, NOTIMP, BADVERS…).</summary>
    UnexpectedRcode,
    /// <summary>A reply claims truncation even over TCP, or TCP was impossible after TC=1.</summary>
    TruncatedResponse,

    // --- resolver mode (AD bit) ---
    /// <summary>Trust delegated to the resolver, which did not set AD (RFC 4035 §3.2.3): the answer is not authenticated.</summary>
    ResolverDidNotAuthenticate,
    /// <summary>The reply lacks OPT or does not echo DO (RFC 3225 §3): the resolver (or a middlebox) strips DNSSEC.</summary>
    ResolverStripsDnssec,

    // --- answer shape ---
    /// <summary>More CNAME hops than <see cref="DnsLimits.MaxCnameChain"/>.</summary>
    CnameChainTooLong,
    /// <summary>A CNAME chain that revisits a name.</summary>
    CnameLoop,

    // --- DNSSEC (validation; used by Dnssec/ and by resolver EDEs) ---
    /// <summary>Generic validation failure (RFC 8914 code 6 "DNSSEC Bogus").</summary>
    DnssecBogus,
    /// <summary>RRSIG expired (RFC 4035 §5.3.1; EDE 7).</summary>
    SignatureExpired,
    /// <summary>RRSIG inception in the future (EDE 8).</summary>
    SignatureNotYetValid,
    /// <summary>No DNSKEY matches the DS / RRSIG (EDE 9).</summary>
    DnskeyMissing,
    /// <summary>Signed zone, but the RRset has no RRSIG (EDE 10).</summary>
    RrsigsMissing,
    /// <summary>DNSKEY without the Zone Key bit (RFC 4034 §2.1.1; EDE 11).</summary>
    NoZoneKeyBitSet,
    /// <summary>Denial of existence without a valid NSEC/NSEC3 proof (EDE 12).</summary>
    NsecMissing,
    /// <summary>Only unsupported DNSKEY algorithms: the zone is treated as Insecure (RFC 4035 §5.2; EDE 1).</summary>
    UnsupportedDnskeyAlgorithm,
    /// <summary>Only unsupported DS digest types: treated as Insecure (RFC 4035 §5.2; EDE 2).</summary>
    UnsupportedDsDigestType,
    /// <summary>Provably unsigned delegation (NSEC/NSEC3 shows no DS): Insecure, no failure.</summary>
    InsecureDelegation,
    /// <summary>NSEC3 iterations above the RFC 9276 limit: treated as Insecure (RFC 9276 §3.2; EDE 27).</summary>
    Nsec3IterationsTooHigh,
    /// <summary>A validation budget (signatures, key-tag collisions, delegation depth) ran out (KeyTrap, CVE-2023-50387).</summary>
    ValidationBudgetExceeded,
    /// <summary>The trust anchor DNSKEY/DS does not match the zone's keys.</summary>
    TrustAnchorMismatch,
}
