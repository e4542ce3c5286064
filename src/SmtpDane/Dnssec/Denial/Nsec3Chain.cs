using SmtpDane.Dns;
using SmtpDane.Dnssec.Crypto;

namespace SmtpDane.Dnssec.Denial;

/// <summary>The usable NSEC3 RRs of one zone with one parameter set, and hashing under the work budget
/// (RFC 5155 §8.1–8.2, RFC 9276 §3.2, CVE-2023-50868).</summary>
internal sealed class Nsec3Chain
{
    private readonly List<(byte[] Hash, Nsec3Evidence Rr)> _records;
    private readonly Dictionary<DnsName, byte[]?> _hashes = new();
    private readonly ValidationBudget _budget;
    private readonly Nsec3Record _params;

    private Nsec3Chain(Nsec3Record parameters, List<(byte[], Nsec3Evidence)> records, ValidationBudget budget)
    {
        _params = parameters; _records = records; _budget = budget;
    }

    /// <summary>Builds the chain, or returns a non-null result that decides the proof outright (no usable NSEC3,
    /// or iterations above the RFC 9276 limit → Insecure).</summary>
    public static Nsec3Chain? Create(DnsName zone, IReadOnlyList<Nsec3Evidence> rrs, ValidationBudget budget, out ValidationResult? verdict)
    {
        verdict = null;
        // RFC 5155 §8.2: ignore unknown hash algorithms; §8.1: the owner is one hashed label directly under the zone.
        var usable = rrs.Where(r => r.Record.HashAlgorithm == Nsec3Hasher.Sha1 && r.Owner.Parent == zone && r.Owner.LabelCount > 0).ToList();
        if (usable.Count == 0)
        {
            verdict = ValidationResult.Bogus(DnsProblemKind.NsecMissing, $"no usable NSEC3 for zone {zone}");
            return null;
        }
        var first = usable[0].Record;
        if (usable.Any(r => r.Record.Iterations > ValidationBudget.MaxNsec3Iterations))
        {
            // RFC 9276 §3.2: above the limit a validator may treat the response as insecure (EDE 27).
            verdict = ValidationResult.Insecure(DnsProblemKind.Nsec3IterationsTooHigh,
                $"NSEC3 iterations {usable.Max(r => r.Record.Iterations)} above {ValidationBudget.MaxNsec3Iterations} (RFC 9276 §3.2)");
            return null;
        }
        var records = new List<(byte[], Nsec3Evidence)>();
        foreach (var r in usable)
        {
            // One zone has one NSEC3 parameter set (RFC 5155 §7.1); RRs with other parameters are ignored.
            if (r.Record.Iterations != first.Iterations || !r.Record.Salt.AsSpan().SequenceEqual(first.Salt)) continue;
            var label = System.Text.Encoding.ASCII.GetString(r.Owner.Label(0));
            var hash = Base32Hex.TryDecode(label);
            if (hash is null || hash.Length != 20 || r.Record.NextHashedOwner.Length != 20) continue;
            records.Add((hash, r));
        }
        return new Nsec3Chain(first, records, budget);
    }

    /// <summary>H(name) or null when the hashing budget is spent.</summary>
    public byte[]? Hash(DnsName name)
    {
        if (_hashes.TryGetValue(name, out var cached)) return cached;
        byte[]? h = _budget.TrySpendNsec3Hash()
            ? Nsec3Hasher.Hash(_params.HashAlgorithm, name.ToCanonicalWire(), _params.Salt, _params.Iterations, ValidationBudget.MaxNsec3Iterations)
            : null;
        _hashes[name] = h;
        return h;
    }

    public bool BudgetExhausted => _budget.Exhausted is not null;

    /// <summary>The NSEC3 whose owner hash equals H(name) (RFC 5155 §8.3 "matches").</summary>
    public Nsec3Evidence? Match(DnsName name)
    {
        var h = Hash(name);
        if (h is null) return null;
        foreach (var (hash, rr) in _records)
            if (hash.AsSpan().SequenceEqual(h)) return rr;
        return null;
    }

    /// <summary>The NSEC3 whose interval (owner hash, next hash) strictly contains H(name), with wrap-around at the
    /// end of the chain (RFC 5155 §8.3 "covers").</summary>
    public Nsec3Evidence? Cover(DnsName name)
    {
        var h = Hash(name);
        if (h is null) return null;
        foreach (var (hash, rr) in _records)
        {
            var next = rr.Record.NextHashedOwner;
            int ownerVsH = hash.AsSpan().SequenceCompareTo(h);
            int hVsNext = h.AsSpan().SequenceCompareTo(next);
            bool covers = hash.AsSpan().SequenceCompareTo(next) < 0
                ? ownerVsH < 0 && hVsNext < 0
                : ownerVsH < 0 || hVsNext < 0; // last NSEC3 in the chain wraps to the first
            if (covers) return rr;
        }
        return null;
    }
}
