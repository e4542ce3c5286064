using SmtpDane.Dane;
using SmtpDane.Dns;
using SmtpDane.Probe;
using static SmtpDane.Tests.Dane.TestPki;

namespace SmtpDane.Tests.Dane;

public class CertificateSummaryTests
{
    [Fact]
    public void Rsa_leaf_summary_carries_names_dates_key_digests_and_dane_ee_records()
    {
        var root = Root(key: Rsa(1));
        var leaf = Leaf(root, "mx.example.com", ["mx.example.com", "mail.example.com"], key: Rsa(0));
        var s = CertificateSummary.FromDer(leaf.Der);
        var spkiHex = Convert.ToHexString(Sha256(leaf.SpkiDer));
        var certHex = Convert.ToHexString(Sha256(leaf.Der));
        Assert.Equal(CertificateSummaryStatus.Parsed, s.Status);
        Assert.Equal("CN=mx.example.com", s.Subject);
        Assert.Equal("CN=Test Root", s.Issuer);
        Assert.Equal(Convert.ToHexString(leaf.Bc.SerialNumber.ToByteArrayUnsigned()), s.SerialHex);
        Assert.Equal(["mx.example.com", "mail.example.com"], s.DnsNames);
        Assert.Equal(new DateTimeOffset(leaf.Bc.NotBefore), s.NotBefore);
        Assert.Equal(new DateTimeOffset(leaf.Bc.NotAfter), s.NotAfter);
        Assert.Equal(("RSA", 2048), (s.KeyAlgorithm, s.KeyBits!.Value));
        Assert.Equal("RSA 2048", s.KeyDescription);
        Assert.Equal(spkiHex, s.SpkiSha256Hex);
        Assert.Equal(certHex, s.CertificateSha256Hex);
        Assert.Equal(["3 1 1 " + spkiHex, "3 0 1 " + certHex], s.MatchingTlsa.Select(r => r.ToString()));
    }

    [Fact]
    public void Issuer_summary_suggests_dane_ta_records_and_names_the_curve()
    {
        var root = Root();
        var s = CertificateSummary.FromDer(root.Der, depth: 1);
        Assert.Equal("EC P-256", s.KeyDescription);
        Assert.Equal(["2 1 1 " + Convert.ToHexString(Sha256(root.SpkiDer)), "2 0 1 " + Convert.ToHexString(Sha256(root.Der))],
            s.MatchingTlsa.Select(r => r.ToString()));
    }

    [Fact]
    public void Ed25519_key_is_named()
    {
        var root = Root(key: Ed25519());
        Assert.Equal("Ed25519", CertificateSummary.FromDer(root.Der).KeyDescription);
    }

    [Fact]
    public void The_suggested_records_authenticate_the_chain_they_came_from()
    {
        var root = Root();
        var inter = Intermediate(root);
        var leaf = Leaf(inter);
        var chain = new List<byte[]> { leaf.Der, inter.Der, root.Der };
        var summaries = CertificateSummary.FromChain(chain);
        Assert.Equal([0, 1, 2], summaries.Select(s => s.Depth));
        foreach (var s in summaries)
            foreach (var r in s.MatchingTlsa)
            {
                var v = DaneMatcher.Match(TlsaSelector.Select([r]), chain, new ReferenceIdentifiers("mx.example.com"), NowOffset, TimeSpan.Zero);
                Assert.Equal((StatusToken.Pass, s.Depth), (v.Status, v.MatchedDepth!.Value));
            }
    }

    [Fact]
    public void Undecodable_bytes_give_an_unparseable_summary_with_the_certificate_digest()
    {
        var junk = new byte[] { 0x30, 0x03, 0x02, 0x01, 0x07 };
        var s = CertificateSummary.FromDer(junk);
        Assert.Equal(CertificateSummaryStatus.Unparseable, s.Status);
        Assert.Null(s.Subject);
        Assert.Null(s.SpkiSha256Hex);
        Assert.Equal(Convert.ToHexString(Sha256(junk)), s.CertificateSha256Hex);
        Assert.Equal([new TlsaRecord(3, 0, 1, Sha256(junk))], s.MatchingTlsa);
    }

    [Fact]
    public void Pem_chain_round_trips_with_64_character_lines()
    {
        var root = Root(key: Rsa(2));
        var leaf = Leaf(root);
        var pem = CertificatePem.EncodeChain([leaf.Der, root.Der]);
        Assert.All(pem.Split('\n'), line => Assert.True(line.Length <= 64));
        var decoded = new List<byte[]>();
        var rest = pem.AsSpan();
        while (System.Security.Cryptography.PemEncoding.TryFind(rest, out var f))
        {
            Assert.Equal("CERTIFICATE", rest[f.Label].ToString());
            decoded.Add(Convert.FromBase64String(rest[f.Base64Data].ToString()));
            rest = rest[f.Location.End..];
        }
        Assert.Equal([leaf.Der, root.Der], decoded);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----\n", pem);
        Assert.EndsWith("-----END CERTIFICATE-----\n", pem);
    }
}
