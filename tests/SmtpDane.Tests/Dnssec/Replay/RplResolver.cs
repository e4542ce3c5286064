using SmtpDane.Dns;
using SmtpDane.Dnssec;

namespace SmtpDane.Tests.Dnssec.Replay;

/// <summary>
/// Plays the recursive resolver over a scenario's canned authoritative answers. Rather than iterating server by
/// server (the canned data only holds the exact questions unbound asked), it picks, across all servers active at the
/// current step, the first entry that answers the question: exact name and type first, then subdomain/name-only
/// matches; referrals only when nothing else answers. A DS question is answered from the parent's referral, where the
/// DS or its NSEC/NSEC3 absence proof travels (RFC 4035 §3.1.4), as a real resolver with CD=1 would.
/// </summary>
internal sealed class RplResolver(RplScenario scenario)
{
    public int Step { get; set; }

    public Task<UpstreamResult> QueryAsync(DnsName name, RecordType type, CancellationToken ct) => Task.FromResult(Resolve(name, type));

    private IEnumerable<RplEntry> Active() =>
        scenario.Ranges.Where(r => r.From <= Step && Step <= r.To).SelectMany(r => r.Entries).Where(e => e.Rcode != 5);

    private UpstreamResult Resolve(DnsName name, RecordType type)
    {
        var entries = Active().ToList();
        if (type == RecordType.DS)
        {
            foreach (var e in entries)
            {
                var ds = e.Answer.Concat(e.Authority).Where(r => r.Owner == name &&
                    (r.Type == RecordType.DS || (r.Data is RrsigRecord s && s.TypeCovered == RecordType.DS))).ToList();
                if (ds.Any(r => r.Type == RecordType.DS)) return Reply(0, ds, []);
            }
        }
        var exact = entries.Where(e => e.QName == name && e.QType == type && e.Match.Contains("qname") && e.Match.Contains("qtype")).ToList();
        var loose = entries.Where(e => e.Matches(name, type) && !exact.Contains(e) && e.QName is not null).ToList();
        foreach (var e in exact.Concat(loose))
            if (!IsReferral(e, name)) return Reply(e.Rcode, Normalise(e.Answer, e.Authority.Concat(e.Additional)), e.Authority);
        if (type == RecordType.DS)
        {
            // The parent's referral to this name carries the DS absence proof.
            foreach (var e in entries)
            {
                if (!e.Authority.Any(r => r.Type == RecordType.NS && r.Owner == name)) continue;
                var proof = e.Authority.Where(r => r.Type != RecordType.NS && !(r.Data is RrsigRecord s && s.TypeCovered == RecordType.NS)).ToList();
                if (proof.Count > 0) return Reply(0, [], proof);
            }
        }
        if (type == RecordType.DS)
        {
            // A resolver that knows the name is absent, or has its NSEC, answers DS from that proof.
            foreach (var e in entries.Where(e => e.QName == name && (e.Rcode == 3 || (e.Answer.Count == 0 && e.Authority.Any(r => r.Type is RecordType.NSEC or RecordType.NSEC3)))))
                return Reply(e.Rcode, [], e.Authority);
            foreach (var e in entries)
            {
                var nsec = e.Authority.Where(r => r.Owner == name && (r.Type == RecordType.NSEC || (r.Data is RrsigRecord s && s.TypeCovered == RecordType.NSEC))).ToList();
                if (nsec.Any(r => r.Type == RecordType.NSEC)) return Reply(0, [], nsec);
            }
        }
        foreach (var e in exact.Concat(loose))
            return Reply(e.Rcode, e.Answer, e.Authority);
        return UpstreamResult.Failed(DnsProblem.Of(DnsProblemKind.ServerFailure, $"no canned answer for {name} {type.ToText()}"));
    }

    /// <summary>A resolver files each RRSIG with the RRset it covers; some scenarios misplace them on purpose (Unbound
    /// scrubs the reply). Keeps answer RRSIGs that cover an answer RRset and pulls in those found in other sections.</summary>
    private static List<ResourceRecord> Normalise(List<ResourceRecord> answer, IEnumerable<ResourceRecord> others)
    {
        var sets = answer.Where(r => r.Type != RecordType.RRSIG).Select(r => (r.Owner, r.Type)).ToHashSet();
        bool Covers(ResourceRecord r) => r.Data is RrsigRecord s && sets.Contains((r.Owner, s.TypeCovered));
        return answer.Where(r => r.Type != RecordType.RRSIG || Covers(r)).Concat(others.Where(Covers)).ToList();
    }

    private static bool IsReferral(RplEntry e, DnsName name) =>
        e.Answer.Count == 0 && e.Rcode == 0 && !e.Authority.Any(r => r.Type == RecordType.SOA) &&
        e.Authority.Any(r => r.Type == RecordType.NS && name.IsSubdomainOf(r.Owner));

    private static UpstreamResult Reply(int rcode, IReadOnlyList<ResourceRecord> answer, IReadOnlyList<ResourceRecord> authority) =>
        rcode is 0 or 3 ? UpstreamResult.Of(new UpstreamReply(rcode, true, answer, authority)) : UpstreamResult.Of(new UpstreamReply(rcode, true, [], []));
}
