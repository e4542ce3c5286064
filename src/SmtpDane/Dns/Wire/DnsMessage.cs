namespace SmtpDane.Dns.Wire;

/// <summary>A DNS message (RFC 1035 §4.1) with the OPT record lifted out into <see cref="Edns"/> (RFC 6891).
/// Flags per RFC 1035 §4.1.1, AD/CD per RFC 4035 §3.2.</summary>
public sealed record DnsMessage
{
    public ushort Id { get; init; }
    public bool IsResponse { get; init; }
    public byte Opcode { get; init; }
    public bool AuthoritativeAnswer { get; init; }
    public bool Truncated { get; init; }
    public bool RecursionDesired { get; init; }
    public bool RecursionAvailable { get; init; }
    /// <summary>The reserved Z bit (RFC 1035 §4.1.1: must be zero; kept to round-trip exactly).</summary>
    public bool Z { get; init; }
    /// <summary>AD: the resolver considers all answer and authority data authentic (RFC 4035 §3.2.3, RFC 6840 §5.8).</summary>
    public bool AuthenticData { get; init; }
    /// <summary>CD: the requester will validate itself (RFC 4035 §3.2.2).</summary>
    public bool CheckingDisabled { get; init; }
    public DnsRcode Rcode { get; init; }
    public IReadOnlyList<DnsQuestion> Questions { get; init; } = [];
    public IReadOnlyList<ResourceRecord> Answers { get; init; } = [];
    public IReadOnlyList<ResourceRecord> Authority { get; init; } = [];
    /// <summary>Additional records other than OPT.</summary>
    public IReadOnlyList<ResourceRecord> Additional { get; init; } = [];
    public EdnsInfo? Edns { get; init; }

    /// <summary>A recursive query (RD=1) with EDNS0 (RFC 6891) advertising <paramref name="udpPayloadSize"/>, DO as
    /// requested (RFC 3225) and CD as requested (RFC 4035 §3.2.2). AD=1 in queries asks for the AD bit (RFC 6840 §5.7).</summary>
    public static DnsMessage Query(ushort id, DnsName name, RecordType type, bool dnssecOk, bool checkingDisabled,
        ushort udpPayloadSize = DnsLimits.AdvertisedUdpPayloadSize) => new()
    {
        Id = id,
        RecursionDesired = true,
        AuthenticData = true,
        CheckingDisabled = checkingDisabled,
        Questions = [new DnsQuestion(name, type)],
        Edns = new EdnsInfo(udpPayloadSize, 0, dnssecOk, []),
    };

    public override string ToString() =>
        $"id={Id} {(IsResponse ? "response" : "query")} rcode={Rcode} " +
        $"{(AuthenticData ? "AD " : "")}{(CheckingDisabled ? "CD " : "")}{(Truncated ? "TC " : "")}" +
        $"q={string.Join(",", Questions)} an={Answers.Count} ns={Authority.Count} ar={Additional.Count}" +
        (Edns is null ? "" : $" edns(do={Edns.DnssecOk},size={Edns.UdpPayloadSize})");
}
