using System.Net;
using SmtpDane.Dns;

namespace SmtpDane.Tests.Probe;

/// <summary>Builds DnsAnswer values the way the DNS layer would return them, for the pure judges.</summary>
internal static class FakeAnswers
{
    public static DnsName N(string s) => DnsName.Parse(s);

    public static DnsAnswer With(string name, RecordType type, SecurityStatus security, params IRData[] data) =>
        new(N(name), type, security, DenialKind.None, security == SecurityStatus.Secure ? null : DnsProblem.Of(DnsProblemKind.InsecureDelegation, "unsigned zone"),
            [], N(name), data.Select(d => ResourceRecord.Create(N(name), type, RecordClass.IN, 300, d)).ToList(),
            DateTimeOffset.Parse("2030-01-01T00:00:00Z"), TrustSource.Validated);

    public static DnsAnswer Secure(string name, RecordType type, params IRData[] data) => With(name, type, SecurityStatus.Secure, data);

    public static DnsAnswer Denied(string name, RecordType type, DenialKind kind = DenialKind.NoData, SecurityStatus security = SecurityStatus.Secure) =>
        new(N(name), type, security, kind, null, [], N(name), [], null, TrustSource.Validated);

    public static DnsAnswer Failed(string name, RecordType type, SecurityStatus security, DnsProblemKind kind) =>
        DnsAnswer.Failed(N(name), type, security, DnsProblem.Of(kind, $"{kind} for {name}"), TrustSource.Validated);

    public static MxRecord Mx(ushort pref, string host) => new(pref, N(host));
    public static SrvRecord Srv(ushort prio, ushort port, string host) => new(prio, 0, port, N(host));
    public static AddressRecord Ip(string ip) => new(IPAddress.Parse(ip));
}

/// <summary>An IDnsLookup answering from a table; unknown questions are securely denied (NODATA).</summary>
internal sealed class TableLookup : IDnsLookup
{
    private readonly Dictionary<(DnsName, RecordType), Func<CancellationToken, Task<DnsAnswer>>> _table = new();

    public TableLookup Add(DnsAnswer a)
    {
        _table[(a.QueryName, a.QueryType)] = _ => Task.FromResult(a);
        return this;
    }

    public TableLookup AddSlow(string name, RecordType type)
    {
        _table[(DnsName.Parse(name), type)] = async ct => { await Task.Delay(Timeout.Infinite, ct); throw new InvalidOperationException(); };
        return this;
    }

    public Task<DnsAnswer> LookupAsync(DnsName name, RecordType type, CancellationToken ct) =>
        _table.TryGetValue((name, type), out var f) ? f(ct) : Task.FromResult(FakeAnswers.Denied(name.ToString(), type));
}
