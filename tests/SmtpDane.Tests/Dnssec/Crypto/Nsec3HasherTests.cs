using SmtpDane.Dnssec.Crypto;

namespace SmtpDane.Tests.Dnssec.Crypto;

public class Nsec3HasherTests
{
    public static IEnumerable<object[]> Rows() =>
        File.ReadAllLines(TestVectors.PathOf("dnssec/rfc5155/nsec3-hashes.tsv"))
            .Where(l => !l.StartsWith('#') && l.Trim().Length > 0)
            .Select(l => l.Split('\t'))
            .Select(f => new object[] { $"{f[0]} salt {f[1]} it {f[2]}", f[0], f[1], int.Parse(f[2]), f[3] });

    [Theory]
    [MemberData(nameof(Rows))]
    public void Hash_matches_vector(string description, string owner, string salt, int iterations, string expected)
    {
        var saltBytes = salt == "-" ? Array.Empty<byte>() : Convert.FromHexString(salt);
        var hash = Nsec3Hasher.Hash(1, RawRecords.NameWire(owner), saltBytes, iterations, maxIterations: 1000);
        Assert.NotNull(hash);
        Assert.Equal(expected.ToLowerInvariant(), Base32HexTestEncoding.Encode(hash!), ignoreCase: false);
        _ = description;
    }

    public static IEnumerable<object[]> UnboundEntries()
    {
        int n = 0;
        foreach (var (question, lines) in DsDigestTests.RplEntries(TestVectors.PathOf("dnssec/unbound-unit/test_nsec3_hash.1")))
        {
            var nsec3 = lines.Single(t => RawRecords.TypeIndex(t, "NSEC3") > 0);
            int i = RawRecords.TypeIndex(nsec3, "NSEC3");
            var expected = lines.Single(t => RawRecords.TypeIndex(t, "AAAA") > 0)[0].Split('.')[0];
            yield return new object[] { $"entry {++n}: {question}", question, nsec3[i + 4], int.Parse(nsec3[i + 3]), expected };
        }
    }

    [Theory]
    [MemberData(nameof(UnboundEntries))]
    public void Unbound_hash_entries(string description, string owner, string salt, int iterations, string expected)
        => Hash_matches_vector(description, owner, salt, iterations, expected);

    [Fact]
    public void Iterations_above_the_cap_are_refused_before_hashing()
    {
        Assert.Null(Nsec3Hasher.Hash(1, RawRecords.NameWire("example"), [], iterations: 151, maxIterations: 150));
        Assert.NotNull(Nsec3Hasher.Hash(1, RawRecords.NameWire("example"), [], iterations: 150, maxIterations: 150));
    }

    [Fact]
    public void Unknown_hash_algorithm_gives_no_hash()
        => Assert.Null(Nsec3Hasher.Hash(2, RawRecords.NameWire("example"), [], 0, 150));
}

/// <summary>RFC 4648 §7 base32hex, lower case, no padding; test-side reference encoder.</summary>
internal static class Base32HexTestEncoding
{
    public static string Encode(byte[] data)
    {
        const string alphabet = "0123456789abcdefghijklmnopqrstuv";
        var sb = new System.Text.StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b; bits += 8;
            while (bits >= 5) { sb.Append(alphabet[(buffer >> (bits - 5)) & 31]); bits -= 5; }
        }
        if (bits > 0) sb.Append(alphabet[(buffer << (5 - bits)) & 31]);
        return sb.ToString();
    }
}
