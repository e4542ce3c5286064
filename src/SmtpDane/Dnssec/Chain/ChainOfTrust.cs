using System.Collections.Concurrent;
using SmtpDane.Dns;
using SmtpDane.Dnssec.Crypto;
using SmtpDane.Dnssec.Denial;

namespace SmtpDane.Dnssec.Chain;

/// <summary>
/// Walks DS → DNSKEY → RRSIG from the trust anchors down to any name (RFC 4035 §5), one label at a time: a DS RRset
/// at a label is a secure zone cut; a proven DS absence is either "not a cut" (keep the parent's keys) or an unsigned
/// delegation (Insecure below). Every query goes through the per-run cache, and <see cref="Prefetch"/> fires the DS
/// and DNSKEY queries of all ancestors at once, so the walk waits for one round trip, not one per zone.
/// </summary>
internal sealed class ChainOfTrust
{
    private readonly QueryCache _queries;
    private readonly TrustAnchors _anchors;
    private readonly CryptoSuite _crypto;
    private readonly ConcurrentDictionary<DnsName, Lazy<Task<ChainState>>> _states = new();

    public ChainOfTrust(QueryCache queries, TrustAnchors anchors, CryptoSuite crypto)
    {
        _queries = queries;
        _anchors = anchors;
        _crypto = crypto;
    }

    /// <summary>Starts the DS and DNSKEY queries for every ancestor of <paramref name="name"/> below its anchor.</summary>
    public void Prefetch(DnsName name, CancellationToken ct)
    {
        var anchor = _anchors.ClosestFor(name);
        if (anchor is null) return;
        _queries.Start(anchor.Zone, RecordType.DNSKEY, ct);
        int depth = 0;
        for (int labels = anchor.Zone.LabelCount + 1; labels <= name.LabelCount && depth++ < ValidationBudget.MaxDelegationDepth; labels++)
        {
            var n = name.Suffix(labels);
            // Underscore labels (_25._tcp) are service names, not zone apexes in practice: no guess for them (the walk
            // still asks lazily if an unsigned answer needs it).
            if (n.Label(0).Length > 0 && n.Label(0)[0] == (byte)'_') continue;
            _queries.Start(n, RecordType.DS, ct);
            _queries.Start(n, RecordType.DNSKEY, ct);
        }
    }

    /// <summary>The security state at <paramref name="name"/> (the zone that would hold its data).</summary>
    public Task<ChainState> StateAtAsync(DnsName name, DateTimeOffset now, ValidationBudget budget, CancellationToken ct) =>
        _states.GetOrAdd(name, n => new Lazy<Task<ChainState>>(() => ComputeAsync(n, now, budget, ct))).Value;

    private async Task<ChainState> ComputeAsync(DnsName name, DateTimeOffset now, ValidationBudget budget, CancellationToken ct)
    {
        var anchor = _anchors.ClosestFor(name);
        if (anchor is null)
            return ChainState.Fail(SecurityStatus.Insecure, DnsProblem.Of(DnsProblemKind.InsecureDelegation, $"no trust anchor covers {name}"));
        if (name == anchor.Zone) return await AnchorStateAsync(anchor, now, budget, ct).ConfigureAwait(false);

        var parent = await StateAtAsync(name.Parent!, now, budget, ct).ConfigureAwait(false);
        if (parent.Status != SecurityStatus.Secure || parent.Nonexistent) return parent;
        var zone = parent.Zone!;

        var dsResult = await _queries.GetAsync(name, RecordType.DS, ct).ConfigureAwait(false);
        if (Unusable(dsResult, name, RecordType.DS) is { } failed) return failed;
        var reply = dsResult.Reply!;
        var answer = RRset.Group(reply.Answer);
        var dsSet = answer.FirstOrDefault(s => s.Owner == name && s.Type == RecordType.DS);
        if (dsSet is not null)
        {
            var dsCheck = RrsetValidator.Validate(dsSet, zone, parent.Keys, now, budget, _crypto);
            if (!dsCheck.IsSecure) return ChainState.From(dsCheck with { Reason = $"DS of {name}: {dsCheck.Reason}" });
            if (parent.Depth + 1 > ValidationBudget.MaxDelegationDepth)
                return ChainState.From(budget.ExceededResult($"more than {ValidationBudget.MaxDelegationDepth} zone cuts below the anchor"));
            var keyResult = await _queries.GetAsync(name, RecordType.DNSKEY, ct).ConfigureAwait(false);
            if (Unusable(keyResult, name, RecordType.DNSKEY) is { } keyFailed) return DnskeyUnobtainable(keyResult, keyFailed, name);
            var keySet = RRset.Group(keyResult.Reply!.Answer).FirstOrDefault(s => s.Owner == name && s.Type == RecordType.DNSKEY);
            var ds = dsSet.Records.Select(r => r.Data).OfType<DsRecord>().ToList();
            var (keysCheck, keys) = KeySetValidator.Validate(name, ds, [], keySet, now, budget, _crypto);
            if (!keysCheck.IsSecure) return ChainState.From(keysCheck);
            return ChainState.Secure(name, keys, parent.Depth + 1,
                ValidationResult.Earliest(parent.Expiry, ValidationResult.Earliest(dsCheck.Expiration, keysCheck.Expiration)));
        }

        var cname = answer.FirstOrDefault(s => s.Owner == name && s.Type == RecordType.CNAME);
        if (cname is not null)
        {
            // A CNAME cannot sit at a zone cut (RFC 1034 §3.6.2, RFC 2181 §10.1): if it validates, the name is no cut.
            var c = RrsetValidator.Validate(cname, zone, parent.Keys, now, budget, _crypto);
            return c.IsSecure ? parent with { Expiry = ValidationResult.Earliest(parent.Expiry, c.Expiration) } : ChainState.From(c);
        }

        // Negative DS answer: the parent zone must prove it (RFC 4035 §5.2).
        var evidence = DenialEvidence.Collect(reply.Authority, zone, parent.Keys, now, budget, _crypto);
        ValidationResult verdict;
        bool absent = false;
        if (evidence.Nsec3.Count > 0) verdict = Nsec3Denial.ClassifyDsAbsence(name, zone, evidence.Nsec3, budget, out absent);
        else if (evidence.Nsec.Count > 0) verdict = NsecDenial.ClassifyDsAbsence(name, evidence.Nsec, out absent);
        else verdict = evidence.Failure ?? ValidationResult.Bogus(DnsProblemKind.NsecMissing, $"no signed NSEC/NSEC3 proves the absence of DS at {name} in {zone}");
        return verdict.Status switch
        {
            SecurityStatus.Secure => parent with { Expiry = ValidationResult.Earliest(parent.Expiry, evidence.Expiry), Nonexistent = absent },
            _ => ChainState.From(verdict),
        };
    }

    private async Task<ChainState> AnchorStateAsync(TrustAnchor anchor, DateTimeOffset now, ValidationBudget budget, CancellationToken ct)
    {
        var result = await _queries.GetAsync(anchor.Zone, RecordType.DNSKEY, ct).ConfigureAwait(false);
        if (Unusable(result, anchor.Zone, RecordType.DNSKEY) is { } failed) return DnskeyUnobtainable(result, failed, anchor.Zone);
        var keySet = RRset.Group(result.Reply!.Answer).FirstOrDefault(s => s.Owner == anchor.Zone && s.Type == RecordType.DNSKEY);
        if (keySet is not null && keySet.Signatures.Count == 0)
            return ChainState.Fail(SecurityStatus.Bogus, DnsProblem.Of(DnsProblemKind.ResolverStripsDnssec,
                $"the DNSKEY RRset of trust anchor {anchor.Zone} came back without RRSIG although DO was set: the resolver strips DNSSEC"));
        var (check, keys) = KeySetValidator.Validate(anchor.Zone, anchor.Ds, anchor.Keys, keySet, now, budget, _crypto);
        if (!check.IsSecure)
        {
            var kind = check.Status == SecurityStatus.Bogus && check.Problem == DnsProblemKind.DnskeyMissing ? DnsProblemKind.TrustAnchorMismatch : check.Problem ?? DnsProblemKind.DnssecBogus;
            return ChainState.Fail(check.Status, DnsProblem.Of(kind, $"trust anchor {anchor.Zone}: {check.Reason}"));
        }
        return ChainState.Secure(anchor.Zone, keys, 0, check.Expiration);
    }

    /// <summary>RFC 4035 §5.2: a zone with a DS whose DNSKEY RRset cannot be had is Bogus (EDE 9 "DNSKEY Missing") when the
    /// resolver answered with an error; with no reply at all (timeout) the state stays Indeterminate.</summary>
    private static ChainState DnskeyUnobtainable(UpstreamResult result, ChainState failed, DnsName zone) =>
        result.Reply is null || failed.Problem?.Kind == DnsProblemKind.ResolverStripsDnssec
            ? failed
            : ChainState.Fail(SecurityStatus.Bogus, DnsProblem.Of(DnsProblemKind.DnskeyMissing, $"{zone} has a DS/anchor but its DNSKEY query failed: {failed.Problem?.Message}"));

    /// <summary>A failed query, a reply without the DO echo, or an error RCODE: the state cannot be decided.</summary>
    internal static ChainState? Unusable(UpstreamResult result, DnsName name, RecordType type)
    {
        if (result.Reply is null)
            return ChainState.Fail(SecurityStatus.Indeterminate, result.Problem ?? DnsProblem.Of(DnsProblemKind.ServerFailure, $"no reply for {name} {type.ToText()}"));
        if (!result.Reply.DnssecOk)
            return ChainState.Fail(SecurityStatus.Indeterminate, DnsProblem.Of(DnsProblemKind.ResolverStripsDnssec,
                $"the reply for {name} {type.ToText()} does not echo the DO bit (RFC 3225 §3): the resolver does not return DNSSEC data"));
        if (result.Reply.Rcode is not (UpstreamReply.NoError or UpstreamReply.NxDomain))
        {
            var kind = result.Reply.Rcode switch { 2 => DnsProblemKind.ServerFailure, 5 => DnsProblemKind.Refused, _ => DnsProblemKind.UnexpectedRcode };
            return ChainState.Fail(SecurityStatus.Indeterminate, DnsProblem.Of(kind, $"RCODE {result.Reply.Rcode} for {name} {type.ToText()}"));
        }
        return null;
    }
}
