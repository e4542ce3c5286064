namespace SmtpDane.Dns;

/// <summary>The result of one lookup. Problem is non-null unless Secure (or Insecure without a particular reason).
/// Records are the RRs of QueryType owned by FinalName (after following <see cref="Chain"/>).</summary>
public sealed record DnsAnswer(
    DnsName QueryName, RecordType QueryType,
    SecurityStatus Security, DenialKind Denial, DnsProblem? Problem,
    IReadOnlyList<CnameHop> Chain, DnsName FinalName,
    IReadOnlyList<ResourceRecord> Records,
    DateTimeOffset? EarliestSignatureExpiry,
    TrustSource Trust)
{
    /// <summary>A failed lookup: no records, no denial.</summary>
    public static DnsAnswer Failed(DnsName name, RecordType type, SecurityStatus security, DnsProblem problem,
        TrustSource trust) =>
        new(name, type, security, DenialKind.None, problem, [], name, [], null, trust);
}
