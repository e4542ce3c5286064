using System.Globalization;
using SmtpDane.Dns;
using SmtpDane.Dns.ZoneFile;

namespace SmtpDane.Tests.Dns;

public class DnskeyRecordTests
{
    /// <summary>dnssec/ds-keytag/keytags.tsv lists every DNSKEY in the vector zones with its key tag (recomputed with
    /// dnspython; algorithm 1 uses RFC 4034 Appendix B.1).</summary>
    public static IEnumerable<object[]> KeyTags() =>
        TestVectors.Read("dnssec/ds-keytag/keytags.tsv").Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => new object[] { f[5].Trim(), f[0], ushort.Parse(f[1], CultureInfo.InvariantCulture),
                byte.Parse(f[2], CultureInfo.InvariantCulture), ushort.Parse(f[3], CultureInfo.InvariantCulture),
                int.Parse(f[4], CultureInfo.InvariantCulture) });

    [Theory]
    [MemberData(nameof(KeyTags))]
    public void Key_tag_matches_the_vector(string file, string owner, ushort flags, byte algorithm, ushort keyTag, int keyOctets)
    {
        var keys = ZoneFileLoader.Load(TestVectors.PathOf("dnssec/" + file))
            .Where(r => r.Owner == DnsName.Parse(owner) && r.Data is DnskeyRecord k && k.Flags == flags && k.Algorithm == algorithm)
            .Select(r => (DnskeyRecord)r.Data)
            .Where(k => k.PublicKey.Length == keyOctets)
            .ToList();
        Assert.Contains(keyTag, keys.Select(k => k.KeyTag));
    }

    [Fact]
    public void Flag_bits_follow_RFC_4034_and_RFC_5011()
    {
        var ksk = new DnskeyRecord(257, 3, 8, [1, 2, 3]);
        Assert.True(ksk.IsZoneKey);
        Assert.True(ksk.IsSecureEntryPoint);
        Assert.False(ksk.IsRevoked);
        var revoked = new DnskeyRecord(384, 3, 8, [1, 2, 3]);
        Assert.True(revoked.IsRevoked);
        Assert.False(new DnskeyRecord(0, 3, 8, [1]).IsZoneKey);
        Assert.False(new DnskeyRecord(256, 2, 8, [1]).HasValidProtocol);
    }
}
