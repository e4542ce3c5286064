using SmtpDane.Dns.Transport;
using SmtpDane.Dns.Wire;

namespace SmtpDane.Dns;

/// <summary>Resolver mode: trust the recursive resolver's AD bit (RFC 4035 §3.2.3, RFC 6840 §5.8) instead of
/// validating. Queries with DO=1, CD=0 (RFC 4035 §3.2.2: the resolver must validate). Only meaningful over a trusted
/// path to the resolver (RFC 4035 §4.9.3, RFC 6698 §4.1) — say so in the output when it is used.
/// The interpretation of a reply is the pure function <see cref="Interpret"/>; the clock is injected for the
/// RRSIG expiry report.</summary>
public sealed class AdBitLookup(IDnsTransport transport, TimeProvider clock) : IDnsLookup
{
    public async Task<DnsAnswer> LookupAsync(DnsName name, RecordType type, CancellationToken ct)
    {
        var exchange = await transport.ExchangeAsync(new DnsQuestion(name, type),
            new DnsQueryOptions(DnssecOk: true, CheckingDisabled: false), ct).ConfigureAwait(false);
        return Interpret(name, type, exchange, clock.GetUtcNow());
    }

    /// <summary>Judges one exchange: AD=1 → Secure; answered without AD → Insecure (trust was delegated and the
    /// resolver did not vouch); SERVFAIL → Bogus when an RFC 8914 EDE says validation failed, else Indeterminate;
    /// NXDOMAIN/NODATA → a denial with the same rule. Records count only when owned by the query name or a name on
    /// its CNAME chain inside the answer section (anything else in the reply is ignored: RFC 2181 §5.4.1 ranking).</summary>
    public static DnsAnswer Interpret(DnsName name, RecordType type, DnsExchange exchange, DateTimeOffset now)
    {
        const TrustSource trust = TrustSource.ResolverAdBit;
        if (exchange.Response is not { } r)
            return DnsAnswer.Failed(name, type, SecurityStatus.Indeterminate,
                exchange.Problem ?? DnsProblem.Of(DnsProblemKind.Timeout, "no reply"), trust);
        var server = exchange.Server?.ToString() ?? "the resolver";

        switch (r.Rcode)
        {
            case DnsRcode.NoError or DnsRcode.NxDomain:
                break;
            case DnsRcode.ServFail:
                return DnsAnswer.Failed(name, type, ServFailSecurity(r, out var p, server), p, trust);
            case DnsRcode.Refused:
                return DnsAnswer.Failed(name, type, SecurityStatus.Indeterminate,
                    DnsProblem.Of(DnsProblemKind.Refused, $"{server} refused the query (REFUSED)"), trust);
            default:
                return DnsAnswer.Failed(name, type, SecurityStatus.Indeterminate,
                    DnsProblem.Of(DnsProblemKind.UnexpectedRcode, $"{server} answered {r.Rcode}"), trust);
        }

        // Follow the CNAME chain inside the answer section (RFC 1034 §4.3.2 step 3a; DNAME answers carry a
        // synthesised CNAME, RFC 6672 §3.1).
        bool secure = r.AuthenticData;
        var status = secure ? SecurityStatus.Secure : SecurityStatus.Insecure;
        var chain = new List<CnameHop>();
        var visited = new HashSet<DnsName> { name };
        var current = name;
        List<ResourceRecord> records;
        while (true)
        {
            records = r.Answers.Where(a => a.Owner == current && a.Type == type && a.Class == RecordClass.IN).ToList();
            if (records.Count > 0 || type == RecordType.CNAME) break;
            var cname = r.Answers.FirstOrDefault(a => a.Owner == current && a.Data is CnameRecord && a.Class == RecordClass.IN);
            if (cname?.Data is not CnameRecord { Target: var target }) break;
            chain.Add(new CnameHop(current, target, status));
            if (chain.Count > DnsLimits.MaxCnameChain)
                return Fail(DnsProblemKind.CnameChainTooLong,
                    $"CNAME chain from {name} longer than {DnsLimits.MaxCnameChain} hops");
            if (!visited.Add(target))
                return Fail(DnsProblemKind.CnameLoop, $"CNAME loop at {target}");
            current = target;
        }

        var denial = records.Count > 0 ? DenialKind.None
            : r.Rcode == DnsRcode.NxDomain ? DenialKind.NxDomain : DenialKind.NoData;

        // Earliest RRSIG expiration among signatures over the data we used: the answers on the chain and, for a
        // denial, the authority section (SOA and NSEC/NSEC3 proofs).
        var owners = new HashSet<DnsName>(visited);
        var sigs = r.Answers.Where(a => owners.Contains(a.Owner))
            .Concat(denial == DenialKind.None ? [] : r.Authority)
            .Select(a => a.Data).OfType<RrsigRecord>().ToList();
        DateTimeOffset? earliest = sigs.Count == 0 ? null : sigs.Min(s => s.ExpirationAt(now));

        DnsProblem? problem = null;
        if (!secure)
            problem = StrippedDnssec(r) is { } stripped
                ? DnsProblem.Of(DnsProblemKind.ResolverStripsDnssec, $"{server}: {stripped}; trust was delegated to the resolver and it did not set AD")
                : DnsProblem.Of(DnsProblemKind.ResolverDidNotAuthenticate,
                    $"trust was delegated to the resolver {server} and it did not set AD: the answer is not authenticated");
        return new DnsAnswer(name, type, status, denial, problem, chain, current, records, earliest, trust);

        DnsAnswer Fail(DnsProblemKind kind, string message) =>
            new(name, type, SecurityStatus.Indeterminate, DenialKind.None, DnsProblem.Of(kind, message), chain, current, [], null, trust);
    }

    /// <summary>RFC 8914 §4: EDE 6–12 mean the resolver found the data Bogus (validation failure, not an outage);
    /// other codes (or none) leave the answer Indeterminate.</summary>
    private static SecurityStatus ServFailSecurity(DnsMessage r, out DnsProblem problem, string server)
    {
        var edes = r.Edns?.ExtendedErrors ?? [];
        var bogus = edes.FirstOrDefault(e => DnsProblemKinds.IsBogusEde(e.InfoCode));
        if (bogus is not null)
        {
            problem = new DnsProblem(DnsProblemKinds.FromEdeCode(bogus.InfoCode) ?? DnsProblemKind.DnssecBogus, bogus.InfoCode,
                $"{server} SERVFAIL: DNSSEC validation failed ({bogus})");
            return SecurityStatus.Bogus;
        }
        if (edes.Count > 0)
        {
            var e = edes[0];
            problem = new DnsProblem(DnsProblemKinds.FromEdeCode(e.InfoCode) ?? DnsProblemKind.ServerFailure, e.InfoCode,
                $"resolver SERVFAIL from {server} ({e})");
            return SecurityStatus.Indeterminate;
        }
        problem = DnsProblem.Of(DnsProblemKind.ServerFailure, $"resolver SERVFAIL from {server}");
        return SecurityStatus.Indeterminate;
    }

    /// <summary>RFC 3225 §3: a DNSSEC-aware server echoes DO=1 in its OPT. No OPT, or DO=0, means the resolver (or
    /// something between) cannot or will not return DNSSEC data, so an absent AD says nothing about the zone.</summary>
    private static string? StrippedDnssec(DnsMessage r) =>
        r.Edns is null ? "the reply has no OPT record (no EDNS, so no DNSSEC)"
        : !r.Edns.DnssecOk ? "the reply does not echo the DO bit (DNSSEC not supported or stripped)"
        : null;
}
