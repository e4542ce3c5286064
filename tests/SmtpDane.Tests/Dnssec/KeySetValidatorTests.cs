using SmtpDane.Dns;
using SmtpDane.Dnssec;
using SmtpDane.Dnssec.Chain;
using SmtpDane.Dnssec.Crypto;
using SmtpDane.Tests.Dnssec.Signing;

namespace SmtpDane.Tests.Dnssec;

public class KeySetValidatorTests
{
    private static readonly DnsName Zone = DnsName.Parse("example.test.");

    private static (TestKey Key, RRset Set) SignedKeySet()
    {
        var key = new TestKey(Zone);
        var rrs = new List<ResourceRecord> { TestKey.Rr("example.test.", RecordType.DNSKEY, key.Dnskey) };
        return (key, new RRset(Zone, RecordType.DNSKEY, RecordClass.IN, 3600, rrs, [key.Sign(rrs)]));
    }

    private static DsRecord Sha1Ds(TestKey key) => new(key.Dnskey.KeyTag, 13, 1, DsDigest.Compute(1, Zone.ToCanonicalWire(), key.Dnskey.ToWire())!);

    public static IEnumerable<object?[]> Cases()
    {
        yield return ["SHA-256 DS matches the self-signed KSK", (Func<TestKey, DsRecord[]>)(k => [k.Ds()]), SecurityStatus.Secure, (object?)null!];
        yield return ["SHA-1 DS alone is used (no stronger digest present)", (Func<TestKey, DsRecord[]>)(k => [Sha1Ds(k)]), SecurityStatus.Secure, (object?)null!];
        yield return ["RFC 4509 §3: SHA-1 ignored when a SHA-256 DS exists, even if only SHA-1 matches",
            (Func<TestKey, DsRecord[]>)(k => [Sha1Ds(k), k.Ds() with { Digest = new byte[32] }]), SecurityStatus.Bogus, DnsProblemKind.DnskeyMissing];
        yield return ["RFC 4035 §5.2: only unsupported algorithms → Insecure", (Func<TestKey, DsRecord[]>)(k => [k.Ds() with { Algorithm = 3 }]), SecurityStatus.Insecure, DnsProblemKind.UnsupportedDnskeyAlgorithm];
        yield return ["RFC 4035 §5.2: only unsupported digest types → Insecure", (Func<TestKey, DsRecord[]>)(k => [k.Ds() with { DigestType = 3 }]), SecurityStatus.Insecure, DnsProblemKind.UnsupportedDsDigestType];
        yield return ["DS names a key that is not in the DNSKEY set → Bogus", (Func<TestKey, DsRecord[]>)(k => [new TestKey(Zone).Ds()]), SecurityStatus.Bogus, DnsProblemKind.DnskeyMissing];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DS_to_DNSKEY(string description, Func<TestKey, DsRecord[]> ds, SecurityStatus expected, DnsProblemKind? problem)
    {
        var (key, set) = SignedKeySet();
        var (result, keys) = KeySetValidator.Validate(Zone, ds(key), [], set, TestKey.Now, ValidationBudget.ForAnswer(null));
        Assert.True(expected == result.Status, $"{description}: {result.Status} {result.Reason}");
        Assert.Equal(problem, result.Problem);
        Assert.Equal(expected == SecurityStatus.Secure ? 1 : 0, keys.Count);
    }

    [Fact]
    public void A_revoked_key_never_matches_a_DS()
    {
        var key = new TestKey(Zone, flags: 257 | 0x80);
        var rrs = new List<ResourceRecord> { TestKey.Rr("example.test.", RecordType.DNSKEY, key.Dnskey) };
        var set = new RRset(Zone, RecordType.DNSKEY, RecordClass.IN, 3600, rrs, [key.Sign(rrs)]);
        var (result, _) = KeySetValidator.Validate(Zone, [key.Ds()], [], set, TestKey.Now, ValidationBudget.ForAnswer(null));
        Assert.Equal((SecurityStatus.Bogus, DnsProblemKind.DnskeyMissing), (result.Status, result.Problem));
    }
}
