using System.Buffers.Binary;
using System.Net;
using SmtpDane.Dnssec.Crypto;

namespace SmtpDane.Tests.Dnssec.Crypto;

/// <summary>RFC example signatures over single-RR RRsets. The signed data (RFC 4034 §3.1.8.1) is assembled here
/// by hand so the primitive is tested independently of the RRset canonicaliser.</summary>
public class SignatureVerifierTests
{
    [Theory]
    [InlineData("RFC 5702 §6.1 RSASHA256 over A", "dnssec/rfc5702/rsasha256.zone")]
    [InlineData("RFC 5702 §6.2 RSASHA512 over A", "dnssec/rfc5702/rsasha512.zone")]
    [InlineData("RFC 6605 §6.1 ECDSA P-256 over A", "dnssec/rfc6605/p256.zone")]
    [InlineData("RFC 6605 §6.2 ECDSA P-384 over A", "dnssec/rfc6605/p384.zone")]
    [InlineData("RFC 8080 Ed25519 example 1 over MX", "dnssec/rfc8080/ed25519-example1.zone")]
    [InlineData("RFC 8080 Ed25519 example 2 over MX", "dnssec/rfc8080/ed25519-example2.zone")]
    [InlineData("RFC 8080 Ed448 examples over MX", "dnssec/rfc8080/ed448-examples.zone")]
    public void Every_signature_in_the_example_verifies_and_tampering_breaks_it(string description, string file)
    {
        var cases = Cases(file).ToList();
        Assert.NotEmpty(cases);
        foreach (var (alg, key, data, sig) in cases)
        {
            Assert.True(AlgorithmPolicy.IsSupported(alg), description);
            Assert.True(SignatureVerifier.Verify(alg, key, data, sig), description);
            var badSig = (byte[])sig.Clone(); badSig[^5] ^= 0x01;
            Assert.False(SignatureVerifier.Verify(alg, key, data, badSig), description + " (flipped signature bit)");
            var badData = (byte[])data.Clone(); badData[^1] ^= 0x01;
            Assert.False(SignatureVerifier.Verify(alg, key, badData, sig), description + " (changed RDATA)");
        }
    }

    [Fact]
    public void Ed448_signature_over_a_different_MX_preference_is_rejected()
    {
        // Vector README: the Ed448 RRSIGs over "MX 11 mail.example.com." must be BOGUS.
        foreach (var (alg, key, _, sig) in Cases("dnssec/rfc8080/ed448-examples.zone"))
        {
            var data = SignedData(Cases("dnssec/rfc8080/ed448-examples.zone").First().Data, preference: 11);
            Assert.False(SignatureVerifier.Verify(alg, key, data, sig));
        }
    }

    [Theory]
    [InlineData("RSAMD5 (RFC 8624: MUST NOT validate)", 1)]
    [InlineData("DSA", 3)]
    [InlineData("DSA-NSEC3-SHA1", 6)]
    [InlineData("ECC-GOST", 12)]
    [InlineData("private algorithm", 253)]
    public void Unsupported_algorithms_are_reported_as_unsupported(string description, byte algorithm)
    {
        Assert.False(AlgorithmPolicy.IsSupported(algorithm), description);
        Assert.False(SignatureVerifier.Verify(algorithm, new byte[64], new byte[10], new byte[64]));
    }

    [Theory]
    [InlineData("empty key", 8, "")]
    [InlineData("RSA exponent length longer than key", 8, "05010001")]
    [InlineData("RSA modulus with leading zero", 8, "0301000100AABBCC")]
    [InlineData("P-256 key of wrong length", 13, "0102")]
    [InlineData("P-256 point not on the curve", 13, "0000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("Ed25519 key of wrong length", 15, "00")]
    public void Malformed_keys_verify_nothing_and_do_not_throw(string description, byte algorithm, string keyHex)
        => Assert.False(SignatureVerifier.Verify(algorithm, Convert.FromHexString(keyHex), new byte[10], new byte[64]), description);

    private static IEnumerable<(byte Alg, byte[] Key, byte[] Data, byte[] Sig)> Cases(string file)
    {
        var lines = PresentationLines.Read(TestVectors.PathOf(file)).ToList();
        var keys = lines.Select(t => (t, i: RawRecords.TypeIndex(t, "DNSKEY"))).Where(x => x.i > 0)
            .Select(x => RawRecords.DnskeyRdata(x.t, x.i)).ToList();
        var data = lines.Single(t => RawRecords.TypeIndex(t, "A") > 0 || RawRecords.TypeIndex(t, "MX") > 0);
        foreach (var t in lines)
        {
            int i = RawRecords.TypeIndex(t, "RRSIG");
            if (i < 0) continue;
            ushort tag = ushort.Parse(t[i + 7]);
            var key = keys.Single(k => RawRecords.Tag(k) == tag);
            var rrsigRdata = new List<byte>();
            Span<byte> u16 = stackalloc byte[2], u32 = stackalloc byte[4];
            BinaryPrimitives.WriteUInt16BigEndian(u16, t[i + 1] == "A" ? (ushort)1 : (ushort)15); rrsigRdata.AddRange(u16.ToArray());
            rrsigRdata.Add(RawRecords.Algorithm(t[i + 2]));
            rrsigRdata.Add(byte.Parse(t[i + 3]));
            uint ttl = uint.Parse(t[i + 4]);
            BinaryPrimitives.WriteUInt32BigEndian(u32, ttl); rrsigRdata.AddRange(u32.ToArray());
            BinaryPrimitives.WriteUInt32BigEndian(u32, RawRecords.Time(t[i + 5])); rrsigRdata.AddRange(u32.ToArray());
            BinaryPrimitives.WriteUInt32BigEndian(u32, RawRecords.Time(t[i + 6])); rrsigRdata.AddRange(u32.ToArray());
            BinaryPrimitives.WriteUInt16BigEndian(u16, tag); rrsigRdata.AddRange(u16.ToArray());
            rrsigRdata.AddRange(RawRecords.NameWire(t[i + 8]));
            var signedData = rrsigRdata.Concat(RecordWire(data, ttl)).ToArray();
            yield return (RawRecords.Algorithm(t[i + 2]), key[4..], signedData, Convert.FromBase64String(string.Concat(t[(i + 9)..])));
        }
    }

    /// <summary>owner | type | class IN | original TTL | rdlength | rdata (RFC 4034 §3.1.8.1).</summary>
    private static byte[] RecordWire(string[] t, uint ttl)
    {
        int ia = RawRecords.TypeIndex(t, "A"), im = RawRecords.TypeIndex(t, "MX");
        byte[] rdata = ia > 0
            ? IPAddress.Parse(t[ia + 1]).GetAddressBytes()
            : [0, byte.Parse(t[im + 1]), .. RawRecords.NameWire(t[im + 2])];
        var wire = new List<byte>(RawRecords.NameWire(t[0]));
        wire.AddRange(new byte[] { 0, (byte)(ia > 0 ? 1 : 15), 0, 1 });
        wire.AddRange(new[] { (byte)(ttl >> 24), (byte)(ttl >> 16), (byte)(ttl >> 8), (byte)ttl });
        wire.AddRange(new[] { (byte)(rdata.Length >> 8), (byte)rdata.Length });
        wire.AddRange(rdata);
        return wire.ToArray();
    }

    /// <summary>The same signed data with the MX preference replaced (MX RDATA starts 2+len(mail.example.com.)+2 bytes before the end... found by search).</summary>
    private static byte[] SignedData(byte[] data, byte preference)
    {
        var copy = (byte[])data.Clone();
        var target = RawRecords.NameWire("mail.example.com");
        int at = copy.AsSpan().LastIndexOf(target);
        copy[at - 1] = preference;
        return copy;
    }
}
