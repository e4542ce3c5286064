using SmtpDane.Dnssec.Crypto;

namespace SmtpDane.Tests.Dnssec.Crypto;

public class KeyTagTests
{
    public static IEnumerable<object[]> Rows() =>
        File.ReadAllLines(TestVectors.PathOf("dnssec/ds-keytag/keytags.tsv"))
            .Where(l => !l.StartsWith('#') && l.Trim().Length > 0)
            .Select(l => l.Split('\t'))
            .Select(f => new object[] { $"{f[0]} flags {f[1]} alg {f[2]} in {f[5]}", f[0], f[1], f[2], ushort.Parse(f[3]), f[5] });

    [Theory]
    [MemberData(nameof(Rows))]
    public void Key_tag_matches_the_RFC_4034_appendix_B_value(string description, string owner, string flags, string algorithm, ushort expected, string file)
    {
        var candidates = PresentationLines.Read(TestVectors.PathOf("dnssec/" + file))
            .Select(t => (t, i: RawRecords.TypeIndex(t, "DNSKEY")))
            .Where(x => x.i > 0 && x.t[0].Equals(owner, StringComparison.OrdinalIgnoreCase) && x.t[x.i + 1] == flags && RawRecords.Algorithm(x.t[x.i + 3]).ToString() == algorithm)
            .Select(x => RawRecords.Tag(RawRecords.DnskeyRdata(x.t, x.i)))
            .ToList();
        Assert.True(candidates.Count > 0, description);
        Assert.Contains(expected, candidates);
    }
}
