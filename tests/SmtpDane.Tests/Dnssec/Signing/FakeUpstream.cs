using System.Collections.Concurrent;
using SmtpDane.Dns;
using SmtpDane.Dnssec;

namespace SmtpDane.Tests.Dnssec.Signing;

/// <summary>A scripted recursive resolver: (name, type) → reply; counts every question asked.</summary>
internal sealed class FakeUpstream
{
    private readonly Dictionary<(DnsName, RecordType), UpstreamReply> _replies = new();
    public ConcurrentDictionary<(DnsName, RecordType), int> Asked { get; } = new();
    public bool EchoDo { get; set; } = true;
    public Func<DnsName, RecordType, Task>? Gate { get; set; }

    public void Answer(string name, RecordType type, IEnumerable<ResourceRecord> answer, IEnumerable<ResourceRecord>? authority = null, int rcode = 0) =>
        _replies[(DnsName.Parse(name), type)] = new UpstreamReply(rcode, true, answer.ToList(), (authority ?? []).ToList());

    public UpstreamReply? Scripted(DnsName name, RecordType type) => _replies.TryGetValue((name, type), out var r) ? r : null;

    public int Count(string name, RecordType type) => Asked.TryGetValue((DnsName.Parse(name), type), out var n) ? n : 0;

    public async Task<UpstreamResult> QueryAsync(DnsName name, RecordType type, CancellationToken ct)
    {
        Asked.AddOrUpdate((name, type), 1, (_, n) => n + 1);
        if (Gate is not null) await Gate(name, type);
        if (!_replies.TryGetValue((name, type), out var reply))
            return UpstreamResult.Failed(DnsProblem.Of(DnsProblemKind.Timeout, $"no scripted reply for {name} {type.ToText()}"));
        return UpstreamResult.Of(reply with { DnssecOk = EchoDo });
    }

    /// <summary>The same replies with every RRSIG removed (a DNSSEC-stripping middlebox).</summary>
    public void StripSignatures()
    {
        foreach (var key in _replies.Keys.ToList())
        {
            var r = _replies[key];
            _replies[key] = r with { Answer = r.Answer.Where(x => x.Type != RecordType.RRSIG).ToList(), Authority = r.Authority.Where(x => x.Type != RecordType.RRSIG).ToList() };
        }
    }
}
