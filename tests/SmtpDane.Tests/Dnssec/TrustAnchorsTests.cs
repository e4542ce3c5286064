using System.Xml.Linq;
using SmtpDane.Dns;
using SmtpDane.Dns.ZoneFile;
using SmtpDane.Dnssec.Chain;
using SmtpDane.Dnssec.Crypto;

namespace SmtpDane.Tests.Dnssec;

public class TrustAnchorsTests
{
    private static TrustAnchor Root => Assert.Single(TrustAnchors.BuiltIn.All);

    [Fact]
    public void Built_in_anchors_are_the_IANA_root_KSKs_2017_and_2024_as_published_in_root_anchors_xml()
    {
        var xml = XDocument.Load(TestVectors.PathOf("dnssec/root-anchors/root-anchors.xml"));
        var current = xml.Descendants("KeyDigest").Where(k => k.Attribute("validUntil") is null).ToList();
        Assert.Equal(2, current.Count); // KSK-2010 (19036) expired 2019-01-11 and is not built in
        Assert.Equal(DnsName.Root, Root.Zone);
        foreach (var k in current)
        {
            ushort tag = ushort.Parse(k.Element("KeyTag")!.Value);
            var ds = Assert.Single(Root.Ds, d => d.KeyTag == tag);
            Assert.Equal(byte.Parse(k.Element("Algorithm")!.Value), ds.Algorithm);
            Assert.Equal(byte.Parse(k.Element("DigestType")!.Value), ds.DigestType);
            Assert.Equal(k.Element("Digest")!.Value, Convert.ToHexString(ds.Digest));
            var key = Assert.Single(Root.Keys, x => x.KeyTag == tag);
            Assert.Equal(k.Element("PublicKey")!.Value, Convert.ToBase64String(key.PublicKey));
            Assert.Equal(ushort.Parse(k.Element("Flags")!.Value), key.Flags);
        }
        Assert.Equal(new ushort[] { 20326, 38696 }, Root.Keys.Select(k => k.KeyTag).Order().ToArray());
    }

    [Fact]
    public void Built_in_DS_digests_are_the_digests_of_the_built_in_keys_and_match_root_ksk_zone()
    {
        foreach (var key in Root.Keys)
        {
            var ds = Root.Ds.Single(d => d.KeyTag == key.KeyTag);
            Assert.True(DsDigest.Matches(ds.DigestType, ds.Digest, DnsName.Root.ToCanonicalWire(), key.ToWire()));
        }
        var zone = ZoneFileLoader.Load(TestVectors.PathOf("dnssec/root-anchors/root-ksk.zone"));
        Assert.Equal(zone.Select(r => r.Data).OfType<DnskeyRecord>().OrderBy(k => k.KeyTag), Root.Keys.OrderBy(k => k.KeyTag));
        Assert.Equal(zone.Select(r => r.Data).OfType<DsRecord>().OrderBy(d => d.KeyTag), Root.Ds.OrderBy(d => d.KeyTag));
    }

    [Fact]
    public void A_trust_anchor_file_replaces_the_built_in_anchors_and_revoked_keys_are_never_anchors()
    {
        const string text = """
            ; private test root
            example.  IN DS 2854 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D
            example.  IN DNSKEY 257 3 8 AwEAAa96jeuknZlaeSrvyAJj6ZHv28hhOKkx3rLGXVaC6rXTsDc449/cidltpkyGwCJNnOAlFNKF2jBosZBU5eeHspaQWOmOElZsjICMQMC3aeHbGiShvZsx4wMYSjH8e7Vrhbu6irwCzVBApESjbUdpWWmEnhathWu1jo+siFUiRAAxm9qyJNg/wOZqqzL/dL/q8PkcRU5oUKEpUge71M3ej2/7CPqpdVwuMoTvoB+ZOT4YeGyxMvHmbrxlFzGOHOijtzN+u1TQNatX2XBuzZNQ1K+s2CXkPIZo7s6JgZyvaBevYtxPvYLw4z9mR7K2vaF18UYH9Z9GNUUeayffKC73PYc=
            example.  IN DNSKEY 385 3 8 AwEAAaz/tAm8yTn4Mfeh5eyI96WSVexTBAvkMgJzkKTOiW1vkIbzxeF3+/4RgWOq7HrxRixHlFlExOLAJr5emLvN7SWXgnLh4+B5xQlNVz8Og8kvArMtNROxVQuCaSnIDdD5LKyWbRd2n9WGe2R8PzgCmr3EgVLrjyBxWezF0jLHwVN8efS3rCj/EWgvIWgb9tarpVUDK/b58Da+sqqls3eNbuv7pr+eoZG+SrDK6nWeL3c6H5Apxz7LjVc1uTIdsIXxuOLYA4/ilBmSVIzuDWfdRUfhHdY6+cn8HFRm+2hM8AnXGXws9555KrUB5qihylGa8subX2Nn6UwNR1AkUTV74bU=
            """;
        var anchors = TrustAnchors.Parse(text, "anchors.txt");
        Assert.NotNull(anchors);
        var anchor = Assert.Single(anchors!.All);
        Assert.Equal(DnsName.Parse("example."), anchor.Zone);
        Assert.Single(anchor.Ds);
        var key = Assert.Single(anchor.Keys); // flags 385 = SEP + REVOKE + zone: dropped (RFC 5011 §2.1)
        Assert.False(key.IsRevoked);
        Assert.Null(anchors.ClosestFor(DnsName.Parse("example.com.")));
        Assert.Equal(anchor, anchors.ClosestFor(DnsName.Parse("www.example.")));

        Assert.Null(TrustAnchors.Parse("x. IN DNSKEY 385 3 8 AwEAAa96jeuknZlaeSrv", "revoked-only.txt"));
        Assert.Throws<ZoneFileException>(() => TrustAnchors.Parse("x. IN DS not-a-number 8 2 00", "bad.txt"));
    }
}
