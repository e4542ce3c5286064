using SmtpDane.Dnssec.Crypto;

namespace SmtpDane.Tests.Dnssec.Crypto;

public class DsDigestTests
{
    /// <summary>Every DS in these files must match the DNSKEY with the same owner and key tag.</summary>
    [Theory]
    [InlineData("RFC 4034 §5.4 SHA-1 and RFC 4509 §2.3 SHA-256", "dnssec/ds-keytag/rfc4034-5.4_rfc4509-2.3_dskey.zone", 2)]
    [InlineData("RFC 3658 §2.7 RSAMD5 key (App. B.1 tag) with SHA-1 DS", "dnssec/ds-keytag/rfc3658-2.7_rsamd5_keytag.zone", 1)]
    [InlineData("root KSK-2017 and KSK-2024 SHA-256 DS", "dnssec/root-anchors/root-ksk.zone", 2)]
    [InlineData("RFC 6605 §6.1 P-256 SHA-256 DS", "dnssec/rfc6605/p256.zone", 1)]
    [InlineData("RFC 6605 §6.2 P-384 SHA-384 DS", "dnssec/rfc6605/p384.zone", 1)]
    [InlineData("RFC 8080 Ed25519 example 1", "dnssec/rfc8080/ed25519-example1.zone", 1)]
    [InlineData("RFC 8080 Ed25519 example 2", "dnssec/rfc8080/ed25519-example2.zone", 1)]
    public void Published_DS_matches_its_DNSKEY(string description, string file, int expectedDsCount)
    {
        var lines = PresentationLines.Read(TestVectors.PathOf(file)).ToList();
        Assert.Equal(expectedDsCount, CheckEntry(lines, expectMatch: true));
        _ = description;
    }

    public static IEnumerable<object[]> UnboundEntries()
    {
        foreach (var file in new[] { "test_ds.sha1", "test_ds.sha384" })
        {
            int n = 0;
            foreach (var (question, lines) in RplEntries(TestVectors.PathOf("dnssec/unbound-unit/" + file)))
                yield return new object[] { $"{file} entry {++n} ({question})", question.StartsWith("yes", StringComparison.Ordinal), lines };
        }
    }

    [Theory]
    [MemberData(nameof(UnboundEntries))]
    public void Unbound_DS_entries_match_or_not_as_named(string description, bool expectMatch, List<string[]> lines)
    {
        Assert.True(CheckEntry(lines, expectMatch) > 0, description);
    }

    [Fact]
    public void Sha1_digest_is_ignored_when_a_stronger_digest_is_present()
    {
        // RFC 4509 §3: SHA-1 DS ignored if SHA-256 present; SHA-384 likewise stronger.
        Assert.False(DsDigest.Usable(1, new byte[] { 1, 2 }));
        Assert.False(DsDigest.Usable(1, new byte[] { 1, 4 }));
        Assert.True(DsDigest.Usable(1, new byte[] { 1 }));
        Assert.True(DsDigest.Usable(1, new byte[] { 1, 3 })); // GOST is not "stronger we support"
        Assert.True(DsDigest.Usable(2, new byte[] { 1, 2 }));
        Assert.False(DsDigest.Usable(3, new byte[] { 3 }));   // GOST unsupported (RFC 8624 §3.3)
    }

    /// <summary>Checks each DS in the lines against the DNSKEYs; returns how many DS were checked.</summary>
    private static int CheckEntry(List<string[]> lines, bool expectMatch)
    {
        var keys = lines.Select(t => (t, i: RawRecords.TypeIndex(t, "DNSKEY"))).Where(x => x.i > 0)
            .Select(x => (owner: x.t[0], rdata: RawRecords.DnskeyRdata(x.t, x.i))).ToList();
        int checkedCount = 0;
        foreach (var t in lines)
        {
            int i = RawRecords.TypeIndex(t, "DS");
            if (i < 0) continue;
            ushort tag = ushort.Parse(t[i + 1]);
            byte digestType = byte.Parse(t[i + 3]);
            var digest = Convert.FromHexString(string.Concat(t[(i + 4)..]));
            var key = keys.Single(k => k.owner.Equals(t[0], StringComparison.OrdinalIgnoreCase) && RawRecords.Tag(k.rdata) == tag);
            Assert.Equal(expectMatch, DsDigest.Matches(digestType, digest, RawRecords.NameWire(t[0]), key.rdata));
            checkedCount++;
        }
        return checkedCount;
    }

    /// <summary>Minimal reader of unbound ENTRY blocks: question name + the record lines of the entry.</summary>
    internal static IEnumerable<(string Question, List<string[]> Lines)> RplEntries(string path)
    {
        string? question = null;
        List<string[]>? lines = null;
        string section = "";
        foreach (var t in PresentationLines.Read(path))
        {
            switch (t[0])
            {
                case "ENTRY_BEGIN": lines = new(); question = null; continue;
                case "ENTRY_END": yield return (question!, lines!); lines = null; continue;
                case "SECTION": section = t[1]; continue;
                case "MATCH" or "REPLY" or "ADJUST": continue;
            }
            if (lines is null) continue;
            if (section == "QUESTION") question = t[0];
            else lines.Add(t);
        }
    }
}
