using SmtpDane.Dns;
using SmtpDane.Dnssec.Chain;
using SmtpDane.Dnssec.Crypto;
using SmtpDane.Dnssec.Denial;

namespace SmtpDane.Dnssec;

/// <summary>
/// In-tool DNSSEC validation (RFC 4035 §5): asks the recursive resolver with DO=1, CD=1 and judges every signature
/// itself, from the trust anchors down. One instance per run: it caches queries and validated zone keys, shares
/// in-flight queries, and holds the per-run validation budget. Never throws for DNS trouble; failures come back as
/// Indeterminate/Bogus answers with a <see cref="DnsProblem"/>.
/// </summary>
public sealed class ValidatingLookup : IDnsLookup
{
    private readonly QueryCache _queries;
    private readonly ChainOfTrust _chain;
    private readonly Func<DateTimeOffset> _clock;
    private readonly ValidationBudget _runBudget = ValidationBudget.ForRun();

    /// <param name="query">One question to the resolver (DO=1, CD=1), e.g. the dns transport.</param>
    /// <param name="anchors"><see cref="TrustAnchors.BuiltIn"/> or a parsed -trust-anchor file.</param>
    /// <param name="clock">The validation time (RRSIG windows); injected so tests and replays are deterministic.</param>
    public ValidatingLookup(UpstreamQuery query, TrustAnchors anchors, Func<DateTimeOffset> clock)
        : this(query, anchors, clock, CryptoSuite.Default)
    {
    }

    /// <summary>Over the dns transport (asks with DO=1, CD=1).</summary>
    public ValidatingLookup(SmtpDane.Dns.Transport.IDnsTransport transport, TrustAnchors anchors, Func<DateTimeOffset> clock)
        : this(Upstream.FromTransport(transport), anchors, clock)
    {
    }

    /// <summary>With a non-default algorithm set (conformance replays only).</summary>
    internal ValidatingLookup(UpstreamQuery query, TrustAnchors anchors, Func<DateTimeOffset> clock, CryptoSuite crypto)
    {
        _queries = new QueryCache(query);
        _crypto = crypto;
        _chain = new ChainOfTrust(_queries, anchors, crypto);
        _clock = clock;
    }

    private readonly CryptoSuite _crypto;

    public async Task<DnsAnswer> LookupAsync(DnsName name, RecordType type, CancellationToken ct)
    {
        try
        {
            return await LookupCoreAsync(name, type, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Defence in depth: malformed data that slipped past the decoder must not escape as an exception.
            return DnsAnswer.Failed(name, type, SecurityStatus.Indeterminate,
                DnsProblem.Of(DnsProblemKind.MalformedResponse, $"validation of {name} {type.ToText()} failed: {e.GetType().Name}: {e.Message}"), TrustSource.Validated);
        }
    }

    private async Task<DnsAnswer> LookupCoreAsync(DnsName name, RecordType type, CancellationToken ct)
    {
        var now = _clock();
        var budget = ValidationBudget.ForAnswer(_runBudget);
        var walk = new AnswerWalk(name, type);
        _chain.Prefetch(name, ct);

        if (type == RecordType.RRSIG)
        {
            // RRSIGs are not signed themselves (RFC 4035 §2.2): a direct RRSIG query has nothing to validate.
            var sigs = await _queries.GetAsync(name, type, ct).ConfigureAwait(false);
            if (ChainOfTrust.Unusable(sigs, name, type) is { } sigFailed) return walk.Fail(sigFailed.Status, sigFailed.Problem!, name);
            walk.Add(ValidationResult.Insecure(DnsProblemKind.DnssecBogus, "RRSIG records carry no signature of their own (RFC 4035 §2.2)") with { Problem = null });
            return walk.Finish(name, sigs.Reply!.Answer.Where(r => r.Owner == name && r.Type == type).ToList(), DenialKind.None);
        }

        var current = name;
        var visited = new HashSet<DnsName> { name };
        var result = await _queries.GetAsync(current, type, ct).ConfigureAwait(false);
        while (true)
        {
            if (ChainOfTrust.Unusable(result, current, type) is { } failed) return walk.Fail(failed.Status, failed.Problem!, current);
            var reply = result.Reply!;
            var answer = RRset.Group(reply.Answer);

            var data = answer.FirstOrDefault(s => s.Owner == current && s.Type == type);
            if (data is not null)
            {
                var check = await ValidateDataAsync(data, reply, now, budget, ct).ConfigureAwait(false);
                walk.Add(check);
                return walk.Finish(current, data.Records, DenialKind.None);
            }

            // CNAME at the name, or a DNAME above it (RFC 6672 §3.2: the DNAME is authoritative, the CNAME synthesised).
            var (hopSet, target) = FindRedirect(answer, current);
            if (hopSet is null || target is null)
            {
                // Negative answer for the (final) name.
                var denial = reply.Rcode == UpstreamReply.NxDomain ? DenialKind.NxDomain : DenialKind.NoData;
                var check = await ValidateDenialAsync(current, type, denial, reply, now, budget, ct).ConfigureAwait(false);
                walk.Add(check);
                return walk.Finish(current, [], denial);
            }
            var hopCheck = await ValidateDataAsync(hopSet, reply, now, budget, ct).ConfigureAwait(false);
            if (hopSet.Type == RecordType.DNAME)
                hopCheck = CheckSynthesisedCname(answer, current, target, hopCheck);
            walk.Add(hopCheck);
            walk.Hop(current, target, hopCheck.Status);
            if (!visited.Add(target))
                return walk.Fail(SecurityStatus.Bogus, DnsProblem.Of(DnsProblemKind.CnameLoop, $"CNAME loop at {target}"), target);
            if (visited.Count - 1 > ValidationBudget.MaxCnameChain)
                return walk.Fail(SecurityStatus.Bogus, DnsProblem.Of(DnsProblemKind.CnameChainTooLong, $"more than {ValidationBudget.MaxCnameChain} CNAME/DNAME hops"), target);
            current = target;
            // The resolver normally follows the chain in the same reply; if it stopped, ask for the target.
            bool inReply = answer.Any(s => s.Owner == current) || answer.Any(s => s.Type == RecordType.DNAME && current.IsSubdomainOf(s.Owner) && current != s.Owner);
            if (!inReply)
            {
                _chain.Prefetch(current, ct);
                result = await _queries.GetAsync(current, type, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Validates one RRset of the answer: the zone it belongs to (the owner's, or the parent's for DS) must be
    /// Secure with the signer as apex; a wildcard expansion also needs the no-closer-match proof (RFC 4035 §5.3.4).</summary>
    private async Task<ValidationResult> ValidateDataAsync(RRset set, UpstreamReply reply, DateTimeOffset now, ValidationBudget budget, CancellationToken ct)
    {
        // The zone is named by the signer (RFC 4035 §5.3.1), so the walk stops at the zone cut the data claims; an
        // unsigned RRset is judged by the zone its owner falls in (the parent's for DS, RFC 4035 §5.2).
        var zoneName = SignerZone(set.Rrsigs, set.Owner, set.Type) ?? DataZone(set.Owner, set.Type);
        var state = await _chain.StateAtAsync(zoneName, now, budget, ct).ConfigureAwait(false);
        if (state.Status != SecurityStatus.Secure) return FromState(state);
        var zone = state.Zone!;
        if (zone != zoneName && set.Signatures.Count > 0)
            return ValidationResult.Bogus(DnsProblemKind.DnssecBogus, $"{set.Owner} {set.Type.ToText()} is signed by {zoneName}, which is not a zone apex (the enclosing zone is {zone})");
        if (set.Signatures.Count == 0)
            return ValidationResult.Bogus(DnsProblemKind.RrsigsMissing,
                $"{set.Owner} {set.Type.ToText()} has no RRSIG although zone {zone} is signed (its parent has a DS): a resolver or middlebox may strip signatures");
        var check = RrsetValidator.Validate(set, zone, state.Keys, now, budget, _crypto);
        if (!check.IsSecure) return check;
        var expiry = ValidationResult.Earliest(state.Expiry, check.Expiration);
        var sig = check.Signature!;
        if (SignedData.IsWildcardExpansion(set.Owner, sig.Labels))
        {
            var source = set.Owner.Suffix(sig.Labels);
            var evidence = DenialEvidence.Collect(reply.Authority, zone, state.Keys, now, budget, _crypto);
            ValidationResult proof = evidence.Nsec3.Count > 0 ? Nsec3Denial.ProveWildcardAnswer(set.Owner, source, zone, evidence.Nsec3, budget)
                : evidence.Nsec.Count > 0 ? NsecDenial.ProveWildcardAnswer(set.Owner, source, evidence.Nsec)
                : evidence.Failure ?? ValidationResult.Bogus(DnsProblemKind.NsecMissing, $"wildcard answer {set.Owner} from *.{source} without NSEC/NSEC3 proof (RFC 4035 §5.3.4)");
            expiry = ValidationResult.Earliest(expiry, evidence.Expiry);
            if (!proof.IsSecure) return proof.Status == SecurityStatus.Insecure ? proof with { Expiration = expiry } : proof;
        }
        return ValidationResult.Secure(expiry, check.Reason) with { Signature = sig };
    }

    /// <summary>NXDOMAIN / NODATA for <paramref name="name"/>: proven by NSEC or NSEC3 of the zone that holds the name.</summary>
    private async Task<ValidationResult> ValidateDenialAsync(DnsName name, RecordType type, DenialKind denial, UpstreamReply reply,
        DateTimeOffset now, ValidationBudget budget, CancellationToken ct)
    {
        var signatures = reply.Authority.Select(r => r.Data).OfType<RrsigRecord>();
        var proofSigs = signatures.Where(g => g.TypeCovered is RecordType.NSEC or RecordType.NSEC3 or RecordType.SOA);
        // A signed denial is judged in its signer's zone (an unsigned delegation below the signer shows in the proof
        // itself: NS bit or opt-out). An unsigned one walks down to the name's own zone to find the insecure cut.
        var zoneName = SignerZone(proofSigs, name, type) ?? DataZone(name, type);
        var state = await _chain.StateAtAsync(zoneName, now, budget, ct).ConfigureAwait(false);
        if (state.Status != SecurityStatus.Secure) return FromState(state);
        var zone = state.Zone!;
        if (zone != zoneName)
            return ValidationResult.Bogus(DnsProblemKind.DnssecBogus, $"denial for {name} signed by {zoneName}, which is not a zone apex (the enclosing zone is {zone})");
        var evidence = DenialEvidence.Collect(reply.Authority, zone, state.Keys, now, budget, _crypto);
        ValidationResult proof;
        var cut = ReferralCut(reply, name, zone);
        if (cut is not null)
        {
            // A referral (NS below the zone, no SOA): only an unsigned delegation proof makes it an answer (RFC 4035 §5.2).
            bool absent = false;
            proof = evidence.Nsec3.Count > 0 ? Nsec3Denial.ClassifyDsAbsence(cut, zone, evidence.Nsec3, budget, out absent)
                : evidence.Nsec.Count > 0 ? NsecDenial.ClassifyDsAbsence(cut, evidence.Nsec, out absent)
                : evidence.Failure ?? ValidationResult.Bogus(DnsProblemKind.NsecMissing, $"referral to {cut} without DS or proof of its absence");
            if (proof.Status == SecurityStatus.Secure)
                proof = ValidationResult.Bogus(DnsProblemKind.DnssecBogus, $"referral to {cut}, but the proof shows no delegation there");
        }
        else if (evidence.Nsec3.Count > 0)
        {
            proof = denial == DenialKind.NxDomain
                ? Nsec3Denial.ProveNameError(name, zone, evidence.Nsec3, budget)
                : Nsec3Denial.ProveNoData(name, type, zone, evidence.Nsec3, budget);
        }
        else if (evidence.Nsec.Count > 0)
        {
            proof = denial == DenialKind.NxDomain ? NsecDenial.ProveNameError(name, evidence.Nsec) : NsecDenial.ProveNoData(name, type, evidence.Nsec);
        }
        else
        {
            proof = evidence.Failure ?? ValidationResult.Bogus(DnsProblemKind.NsecMissing,
                $"{(denial == DenialKind.NxDomain ? "NXDOMAIN" : "NODATA")} for {name} {type.ToText()} from signed zone {zone} without NSEC/NSEC3 proof");
        }
        if (proof.Status == SecurityStatus.Bogus) return proof;
        return proof with { Expiration = ValidationResult.Earliest(state.Expiry, evidence.Expiry) };
    }

    /// <summary>The delegation point when the reply is a referral: an NS RRset in the authority section owned by a name
    /// strictly below the zone and at or above QNAME, with no SOA.</summary>
    private static DnsName? ReferralCut(UpstreamReply reply, DnsName name, DnsName zone)
    {
        if (reply.Answer.Count > 0 || reply.Authority.Any(r => r.Type == RecordType.SOA)) return null;
        return reply.Authority.FirstOrDefault(r => r.Type == RecordType.NS && name.IsSubdomainOf(r.Owner) && r.Owner != zone && r.Owner.IsSubdomainOf(zone))?.Owner;
    }

    /// <summary>The zone a name's data lives in when nothing is signed: its own (deepest cut found by the walk), or the
    /// parent side for DS (RFC 4035 §5.2).</summary>
    private static DnsName DataZone(DnsName owner, RecordType type) => type == RecordType.DS && !owner.IsRoot ? owner.Parent! : owner;

    /// <summary>The deepest signer name among the RRSIGs that may sign data of this owner (signer at or above the
    /// owner; strictly above for DS, which the parent signs). Null when none qualifies.</summary>
    private static DnsName? SignerZone(IEnumerable<RrsigRecord> sigs, DnsName owner, RecordType type)
    {
        DnsName? best = null;
        foreach (var sig in sigs)
        {
            var signer = sig.SignerName;
            if (!owner.IsSubdomainOf(signer) || (type == RecordType.DS && signer == owner && !owner.IsRoot)) continue;
            if (best is null || signer.LabelCount > best.LabelCount) best = signer;
        }
        return best;
    }

    private static (RRset? Set, DnsName? Target) FindRedirect(IReadOnlyList<RRset> answer, DnsName name)
    {
        // A DNAME above the name wins over the (unsigned, synthesised) CNAME at it (RFC 6672 §2.3, §3.4): nothing
        // below a DNAME owner exists, so the CNAME can only be the resolver's synthesis.
        foreach (var set in answer)
        {
            if (set.Type != RecordType.DNAME || !name.IsSubdomainOf(set.Owner) || name == set.Owner) continue;
            if (set.Records.Count == 0 || set.Records[0].Data is not DnameRecord d) continue;
            var target = Substitute(name, set.Owner, d.Target);
            if (target is not null) return (set, target);
        }
        var cname = answer.FirstOrDefault(s => s.Owner == name && s.Type == RecordType.CNAME);
        if (cname is not null && cname.Records.Count > 0 && cname.Records[0].Data is CnameRecord c) return (cname, c.Target);
        return (null, null);
    }

    /// <summary>RFC 6672 §2.2: replace the DNAME owner suffix of the name by the DNAME target. Null when too long
    /// (the resolver would answer YXDOMAIN).</summary>
    private static DnsName? Substitute(DnsName name, DnsName owner, DnsName target)
    {
        var labels = new List<byte[]>();
        for (int i = 0; i < name.LabelCount - owner.LabelCount; i++) labels.Add(name.Label(i).ToArray());
        for (int i = 0; i < target.LabelCount; i++) labels.Add(target.Label(i).ToArray());
        try { return DnsName.FromLabels(labels); }
        catch (DnsNameFormatException) { return null; }
    }

    /// <summary>The unsigned CNAME a resolver synthesises from a DNAME must point where the DNAME says (RFC 6672 §3.4).</summary>
    private static ValidationResult CheckSynthesisedCname(IReadOnlyList<RRset> answer, DnsName name, DnsName target, ValidationResult dnameCheck)
    {
        var cname = answer.FirstOrDefault(s => s.Owner == name && s.Type == RecordType.CNAME);
        if (cname is null || cname.Records.Count == 0) return dnameCheck;
        return cname.Records[0].Data is CnameRecord c && c.Target == target
            ? dnameCheck
            : ValidationResult.Bogus(DnsProblemKind.DnssecBogus, $"CNAME at {name} does not match the DNAME substitution {target} (RFC 6672 §3.4)");
    }

    private static ValidationResult FromState(ChainState state) =>
        new(state.Status, state.Problem?.Kind, state.Problem?.Message ?? "", null);
}
