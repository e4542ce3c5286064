namespace SmtpDane.Dns;

/// <summary>The records sharing owner, type and class (RFC 2181 §5), with the RRSIGs that cover them
/// (same owner and class, TypeCovered = Type; RFC 4034 §3). TTL is the smallest in the set (RFC 2181 §5.2).</summary>
public sealed record RRset(DnsName Owner, RecordType Type, RecordClass Class, uint Ttl,
    IReadOnlyList<ResourceRecord> Records, IReadOnlyList<ResourceRecord> Signatures)
{
    /// <summary>Groups records into RRsets, in first-seen order. RRSIG records are attached to the RRset they
    /// cover (an RRSIG whose covered RRset is absent forms no RRset and appears nowhere — query type RRSIG
    /// is not served). Duplicate records (RFC 2181 §5) are kept once.</summary>
    public static IReadOnlyList<RRset> Group(IEnumerable<ResourceRecord> records)
    {
        var order = new List<(DnsName, RecordType, RecordClass)>();
        var sets = new Dictionary<(DnsName, RecordType, RecordClass), List<ResourceRecord>>();
        var sigs = new Dictionary<(DnsName, RecordType, RecordClass), List<ResourceRecord>>();
        foreach (var rr in records)
        {
            if (rr.Data is RrsigRecord sig)
            {
                var k = (rr.Owner, sig.TypeCovered, rr.Class);
                if (!sigs.TryGetValue(k, out var l)) sigs[k] = l = [];
                if (!l.Contains(rr)) l.Add(rr);
                continue;
            }
            var key = (rr.Owner, rr.Type, rr.Class);
            if (!sets.TryGetValue(key, out var list))
            {
                sets[key] = list = [];
                order.Add(key);
            }
            if (!list.Contains(rr)) list.Add(rr);
        }
        return order.Select(k => new RRset(k.Item1, k.Item2, k.Item3, sets[k].Min(r => r.Ttl), sets[k],
            sigs.TryGetValue(k, out var s) ? s : [])).ToList();
    }

    /// <summary>The RRSIG RDATA of <see cref="Signatures"/>.</summary>
    public IEnumerable<RrsigRecord> Rrsigs => Signatures.Select(s => (RrsigRecord)s.Data);

    /// <summary>Records in RFC 4034 §6.3 canonical order: sorted by canonical RDATA as left-justified octet strings.</summary>
    public IReadOnlyList<ResourceRecord> CanonicalOrder() => InCanonicalOrder(Records).ToList();

    /// <summary>Records sorted by canonical RDATA (RFC 4034 §6.3), e.g. for stable output: resolvers rotate RRsets.</summary>
    public static IEnumerable<ResourceRecord> InCanonicalOrder(IEnumerable<ResourceRecord> records) =>
        records.OrderBy(r => r.CanonicalRData(), OctetStringComparer.Instance);

    private sealed class OctetStringComparer : IComparer<byte[]>
    {
        public static readonly OctetStringComparer Instance = new();
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
