using SmtpDane.Dns;
using SmtpDane.Dnssec.Crypto;

namespace SmtpDane.Dnssec;

/// <summary>
/// Validates one RRset against the already-authenticated DNSKEY RRset of its zone (RFC 4035 §5.3). Pure: the
/// clock and the work budget are parameters. Any one valid RRSIG makes the RRset Secure — RFC 6840 §5.11 lets a
/// validator accept a single valid signature from any algorithm in the DS set instead of requiring every
/// algorithm ("harden-algo-downgrade"); we take the lenient reading because a rollover in progress must not break DANE.
/// </summary>
public static class RrsetValidator
{
    /// <param name="rrset">The RRset with the RRSIGs that cover it.</param>
    /// <param name="zone">The zone apex whose keys are given; RRSIG signer names must equal it (RFC 4035 §5.3.1).</param>
    /// <param name="keys">The zone's DNSKEY RRset, already validated (or the anchor keys when validating that set).</param>
    /// <param name="now">The injected clock for the RRSIG validity window.</param>
    /// <param name="budget">Work caps (KeyTrap).</param>
    /// <param name="crypto">Algorithms judged; <see cref="CryptoSuite.Default"/> when null.</param>
    public static ValidationResult Validate(RRset rrset, DnsName zone, IReadOnlyList<DnskeyRecord> keys, DateTimeOffset now, ValidationBudget budget,
        CryptoSuite? crypto = null)
    {
        crypto ??= CryptoSuite.Default;
        var sigs = rrset.Rrsigs.ToList();
        if (sigs.Count == 0)
            return ValidationResult.Bogus(DnsProblemKind.RrsigsMissing, $"{rrset.Owner} {rrset.Type.ToText()} has no RRSIG in signed zone {zone}");
        if (rrset.Records.Count == 0)
            return ValidationResult.Bogus(DnsProblemKind.DnssecBogus, $"{rrset.Owner} {rrset.Type.ToText()}: empty RRset");

        // The most telling failure is reported if none validates: time > crypto > missing key > signer.
        DnsProblemKind failure = DnsProblemKind.DnssecBogus;
        string reason = "no RRSIG verifies";
        int rank = 0;
        void Note(int r, DnsProblemKind kind, string why)
        {
            if (r > rank) { rank = r; failure = kind; reason = why; }
        }

        int tried = 0;
        foreach (var sig in sigs)
        {
            string what = $"RRSIG {rrset.Owner} {rrset.Type.ToText()} alg {sig.Algorithm} tag {sig.KeyTag}";
            // RFC 4035 §5.3.1: the signer name is the zone containing the RRset.
            if (sig.SignerName != zone || !rrset.Owner.IsSubdomainOf(sig.SignerName))
            {
                Note(1, DnsProblemKind.DnssecBogus, $"{what}: signer {sig.SignerName} is not the zone {zone}");
                continue;
            }
            if (!crypto.IsSupported(sig.Algorithm))
            {
                Note(1, DnsProblemKind.DnssecBogus, $"{what}: algorithm not supported and no other signature verifies");
                continue;
            }
            if (SignedData.SigningOwner(rrset.Owner, sig.Labels) is null)
            {
                Note(2, DnsProblemKind.DnssecBogus, $"{what}: Labels field {sig.Labels} exceeds the owner's labels (RFC 4035 §5.3.1)");
                continue;
            }
            if (!ValidityWindow.IsWithin(sig.Inception, sig.Expiration, now))
            {
                // RFC 4035 §5.3.1: current time must lie in [inception, expiration].
                bool expired = ValidityWindow.IsExpired(sig.Expiration, now);
                Note(4, expired ? DnsProblemKind.SignatureExpired : DnsProblemKind.SignatureNotYetValid,
                    expired ? $"{what}: expired {sig.ExpirationAt(now):u}" : $"{what}: not valid before {sig.InceptionAt(now):u}");
                continue;
            }
            if (++tried > ValidationBudget.MaxSignaturesPerRrset)
                return budget.ExceededResult($"more than {ValidationBudget.MaxSignaturesPerRrset} RRSIGs on {rrset.Owner} {rrset.Type.ToText()}");

            var candidates = keys.Where(k => k.Algorithm == sig.Algorithm && k.KeyTag == sig.KeyTag).ToList();
            if (candidates.Count == 0)
            {
                Note(2, DnsProblemKind.DnskeyMissing, $"{what}: no DNSKEY with this tag and algorithm in {zone}");
                continue;
            }
            byte[]? data = null;
            int keysTried = 0;
            foreach (var key in candidates)
            {
                if (!key.IsZoneKey || !key.HasValidProtocol)
                {
                    // RFC 4034 §2.1.1: only keys with the Zone Key bit verify zone data; §2.1.2 protocol must be 3.
                    Note(2, DnsProblemKind.NoZoneKeyBitSet, $"{what}: DNSKEY lacks the Zone Key bit or has protocol {key.Protocol}");
                    continue;
                }
                if (key.IsRevoked && !(rrset.Type == RecordType.DNSKEY && rrset.Owner == zone && rrset.Records.Any(r => key.Equals(r.Data))))
                {
                    // RFC 5011 §2.1: a revoked key may only sign its own zone's DNSKEY RRset, which contains it.
                    Note(2, DnsProblemKind.DnssecBogus, $"{what}: key is revoked (RFC 5011 §2.1)");
                    continue;
                }
                if (++keysTried > ValidationBudget.MaxKeysPerSignature)
                    return budget.ExceededResult($"more than {ValidationBudget.MaxKeysPerSignature} DNSKEYs share key tag {sig.KeyTag} in {zone} (KeyTrap)");
                if (!budget.TrySpendVerification()) return budget.ExceededResult();
                data ??= SignedData.Build(sig, rrset);
                if (data is not null && crypto.Verify(sig.Algorithm, key.PublicKey, data, sig.Signature))
                    return ValidationResult.Secure(sig.ExpirationAt(now), $"{what} verifies") with { Signature = sig };
                Note(3, DnsProblemKind.DnssecBogus, $"{what}: signature does not verify");
            }
        }
        return ValidationResult.Bogus(failure, reason);
    }
}
