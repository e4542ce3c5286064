namespace SmtpDane.Dns;

/// <summary>Every size and budget limit of the DNS layer in one place, each with the reason it exists.
/// Validation budgets (signatures per answer, key-tag collisions, NSEC3 iterations) live beside the validator.</summary>
public static class DnsLimits
{
    /// <summary>RFC 1035 §2.3.4: a name is at most 255 octets in wire form (length octets included).</summary>
    public const int MaxNameOctets = 255;

    /// <summary>RFC 1035 §2.3.4: a label is at most 63 octets (the top two bits of a length octet mark pointers).</summary>
    public const int MaxLabelOctets = 63;

    /// <summary>A 255-octet name holds at most 127 labels plus the root; more pointer hops than that can only
    /// be a loop or an attack (RFC 9267 §2), so decompression gives up after this many jumps.</summary>
    public const int MaxCompressionPointers = 127;

    /// <summary>RFC 1035 §4.2.1: a UDP message is at most 512 octets without EDNS; with EDNS the advertised
    /// size. The DNS Flag Day 2020 value 1232 avoids IP fragmentation (RFC 9715 recommends it).</summary>
    public const ushort AdvertisedUdpPayloadSize = 1232;

    /// <summary>Receive buffer for UDP: the largest datagram a resolver may send us is the advertised size, but a
    /// misbehaving one may send more; 64 KiB holds anything IP can deliver and lets us detect the excess.</summary>
    public const int MaxUdpReceiveOctets = 65535;

    /// <summary>RFC 1035 §4.2.2: a TCP message carries a two-octet length, so 65535 is the ceiling.</summary>
    public const int MaxTcpMessageOctets = 65535;

    /// <summary>The fixed part of a resource record: type, class, TTL, RDLENGTH (RFC 1035 §4.1.3) after a name of
    /// at least one octet. Used to reject section counts the remaining message cannot hold.</summary>
    public const int MinResourceRecordOctets = 11;

    /// <summary>The smallest question: root name (1) + QTYPE (2) + QCLASS (2) (RFC 1035 §4.1.2).</summary>
    public const int MinQuestionOctets = 5;

    /// <summary>Longest CNAME chain followed for one lookup. RFC 1034 §3.6.2 forbids chains in principle but they
    /// exist; resolvers cap them (Unbound: 11 hops, BIND: 16). 8 covers real deployments and bounds the work a
    /// hostile zone can cause.</summary>
    public const int MaxCnameChain = 8;

    /// <summary>Default seconds per try when resolv.conf says nothing (resolv.conf(5): RES_TIMEOUT = 5).</summary>
    public const int DefaultTimeoutSeconds = 5;

    /// <summary>Default rounds over all resolvers (resolv.conf(5): RES_DFLRETRY = 2).</summary>
    public const int DefaultAttempts = 2;

    /// <summary>resolv.conf(5) caps timeout at 30 s and attempts at 5; we honour the same ceilings so a typo cannot
    /// make a probe wait for minutes.</summary>
    public const int MaxTimeoutSeconds = 30;

    /// <inheritdoc cref="MaxTimeoutSeconds"/>
    public const int MaxAttempts = 5;

    /// <summary>resolv.conf(5) MAXNS: only the first three nameservers are used by the system resolver.
    /// We allow more from the command line but cap the list so a lookup's worst case stays bounded.</summary>
    public const int MaxResolvers = 8;

    /// <summary>Upper bound on the exponential backoff factor between rounds (glibc doubles the timeout per round).</summary>
    public const int MaxBackoffFactor = 4;

    /// <summary>Zone-file lines longer than this are rejected: the longest legal RDATA (65535 octets) in base64
    /// fits comfortably, and a runaway parenthesis cannot swallow unbounded input.</summary>
    public const int MaxZoneFileEntryChars = 200_000;
}
