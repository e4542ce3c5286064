using SmtpDane.Dns;
using SmtpDane.Dnssec.Crypto;

namespace SmtpDane.Dnssec.Chain;

/// <summary>Authenticates a zone's DNSKEY RRset from the DS RRset above it or from a trust anchor
/// (RFC 4035 §5.2): a DS must match a zone key (RFC 4034 §5.1.4 digest), and that key must sign the DNSKEY RRset.</summary>
public static class KeySetValidator
{
    /// <summary>Validates <paramref name="dnskeys"/> of <paramref name="zone"/> against DS records (already validated,
    /// or anchors) and anchor DNSKEYs. On Secure the returned keys are all zone keys of the RRset.</summary>
    public static (ValidationResult Result, IReadOnlyList<DnskeyRecord> Keys) Validate(DnsName zone, IReadOnlyList<DsRecord> ds,
        IReadOnlyList<DnskeyRecord> anchorKeys, RRset? dnskeys, DateTimeOffset now, ValidationBudget budget, CryptoSuite? crypto = null)
    {
        crypto ??= CryptoSuite.Default;
        var digestTypes = ds.Select(d => d.DigestType).ToList();
        // RFC 4035 §5.2 / RFC 6840 §5.2: DS (and anchors) whose algorithm or digest we cannot judge are ignored; if none
        // remain the zone is treated as unsigned (Insecure), not Bogus.
        var usableDs = ds.Where(d => crypto.IsSupported(d.Algorithm) && DsDigest.Usable(d.DigestType, digestTypes)).ToList();
        var usableAnchorKeys = anchorKeys.Where(k => crypto.IsSupported(k.Algorithm) && !k.IsRevoked).ToList();
        if (usableDs.Count == 0 && usableAnchorKeys.Count == 0)
        {
            if (ds.Count == 0 && anchorKeys.Count == 0)
                return (ValidationResult.Bogus(DnsProblemKind.DnskeyMissing, $"no DS or anchor for {zone}"), []);
            bool algorithmProblem = ds.Any(d => !crypto.IsSupported(d.Algorithm)) || anchorKeys.Any(k => !crypto.IsSupported(k.Algorithm));
            return algorithmProblem
                ? (ValidationResult.Insecure(DnsProblemKind.UnsupportedDnskeyAlgorithm, $"{zone}: only unsupported DNSKEY algorithms in its DS/anchor set (RFC 4035 §5.2)"), [])
                : (ValidationResult.Insecure(DnsProblemKind.UnsupportedDsDigestType, $"{zone}: only unsupported DS digest types (RFC 4035 §5.2)"), []);
        }
        if (dnskeys is null || dnskeys.Records.Count == 0)
            return (ValidationResult.Bogus(DnsProblemKind.DnskeyMissing, $"{zone} has a DS/anchor but no DNSKEY RRset was obtained"), []);

        var all = dnskeys.Records.Select(r => r.Data).OfType<DnskeyRecord>().ToList();
        var ownerWire = zone.ToCanonicalWire();
        var entry = new List<DnskeyRecord>();
        foreach (var key in all)
        {
            if (!key.IsZoneKey || key.IsRevoked || !key.HasValidProtocol) continue; // RFC 4034 §5.2, RFC 5011 §2.1
            bool matches = usableAnchorKeys.Any(a => a.Equals(key)) ||
                usableDs.Any(d => d.KeyTag == key.KeyTag && d.Algorithm == key.Algorithm && DsDigest.Matches(d.DigestType, d.Digest, ownerWire, key.ToWire()));
            if (matches) entry.Add(key);
        }
        if (entry.Count == 0)
        {
            // Anchor DNSKEYs may also be used directly even if absent from the set (a stale RRset still signed by them).
            if (usableAnchorKeys.Count == 0)
                return (ValidationResult.Bogus(DnsProblemKind.DnskeyMissing, $"no DNSKEY of {zone} matches its DS (RFC 4035 §5.2)"), []);
            entry = usableAnchorKeys;
        }
        var result = RrsetValidator.Validate(dnskeys, zone, entry, now, budget, crypto);
        if (!result.IsSecure)
            return (result with { Reason = $"DNSKEY RRset of {zone} not signed by a key its DS/anchor names: {result.Reason}" }, []);
        return (result, all.Where(k => k.IsZoneKey).ToList());
    }
}
