using SmtpDane.Dns;
using SmtpDane.Dnssec.Crypto;

namespace SmtpDane.Dnssec.Denial;

/// <summary>The NSEC/NSEC3 RRs of one reply's authority section that validate with one zone's keys, ready for the
/// proof functions. NSEC RRs synthesised from a wildcard (RRSIG Labels &lt; owner labels) are dropped:
/// CVE-2017-15105, they say nothing about the QNAME.</summary>
internal sealed record DenialEvidence(IReadOnlyList<NsecEvidence> Nsec, IReadOnlyList<Nsec3Evidence> Nsec3, DateTimeOffset? Expiry, ValidationResult? Failure)
{
    public static DenialEvidence Collect(IReadOnlyList<ResourceRecord> authority, DnsName zone, IReadOnlyList<DnskeyRecord> keys,
        DateTimeOffset now, ValidationBudget budget, CryptoSuite crypto)
    {
        var nsec = new List<NsecEvidence>();
        var nsec3 = new List<Nsec3Evidence>();
        DateTimeOffset? expiry = null;
        ValidationResult? failure = null;
        foreach (var set in RRset.Group(authority))
        {
            if (set.Type is not (RecordType.NSEC or RecordType.NSEC3)) continue;
            if (!set.Owner.IsSubdomainOf(zone)) continue;
            var check = RrsetValidator.Validate(set, zone, keys, now, budget, crypto);
            if (!check.IsSecure)
            {
                failure ??= check with { Reason = $"denial record: {check.Reason}" };
                continue;
            }
            expiry = ValidationResult.Earliest(expiry, check.Expiration);
            if (set.Type == RecordType.NSEC)
            {
                if (check.Signature is { } sig && SignedData.IsWildcardExpansion(set.Owner, sig.Labels)) continue;
                nsec.AddRange(set.Records.Select(r => r.Data).OfType<NsecRecord>().Select(d => new NsecEvidence(set.Owner, d)));
            }
            else
            {
                nsec3.AddRange(set.Records.Select(r => r.Data).OfType<Nsec3Record>().Select(d => new Nsec3Evidence(set.Owner, d)));
            }
        }
        if (failure is null && nsec.Count == 0 && nsec3.Count == 0 && authority.Count > 0 && !authority.Any(r => r.Type == RecordType.RRSIG))
            failure = ValidationResult.Bogus(DnsProblemKind.RrsigsMissing, $"unsigned negative answer from signed zone {zone}");
        return new DenialEvidence(nsec, nsec3, expiry, failure);
    }
}
