using System.Buffers.Binary;
using System.Globalization;

namespace SmtpDane.Tests.Dnssec.Crypto;

/// <summary>Byte-level helpers for the crypto-primitive tests: builds DNSKEY/RRSIG wire pieces straight from the
/// vector files' presentation tokens, independently of the code under test (RFC 4034 §2.1, §3.1, §6.2).</summary>
internal static class RawRecords
{
    public static byte[] NameWire(string name)
    {
        var result = new List<byte>();
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes(label.ToLowerInvariant());
            result.Add((byte)bytes.Length);
            result.AddRange(bytes);
        }
        result.Add(0);
        return result.ToArray();
    }

    /// <summary>Index of the type token in "owner [ttl] [class] TYPE rdata…".</summary>
    public static int TypeIndex(string[] tokens, string type)
    {
        int i = 1;
        while (i < tokens.Length && (tokens[i].All(char.IsAsciiDigit) || tokens[i] is "IN" or "in")) i++;
        return i < tokens.Length && tokens[i].Equals(type, StringComparison.OrdinalIgnoreCase) ? i : -1;
    }

    public static byte Algorithm(string token) => token.ToUpperInvariant() switch
    {
        "RSAMD5" => 1, "DSA" => 3, "RSASHA1" => 5, "RSASHA1-NSEC3-SHA1" => 7, "RSASHA256" => 8, "RSASHA512" => 10,
        "ECDSAP256SHA256" => 13, "ECDSAP384SHA384" => 14, "ED25519" => 15, "ED448" => 16,
        _ => byte.Parse(token, CultureInfo.InvariantCulture),
    };

    /// <summary>DNSKEY RDATA: flags(2) protocol(1) algorithm(1) key.</summary>
    public static byte[] DnskeyRdata(string[] t, int i)
    {
        var key = Convert.FromBase64String(string.Concat(t[(i + 4)..]));
        var rdata = new byte[4 + key.Length];
        BinaryPrimitives.WriteUInt16BigEndian(rdata, ushort.Parse(t[i + 1], CultureInfo.InvariantCulture));
        rdata[2] = byte.Parse(t[i + 2], CultureInfo.InvariantCulture);
        rdata[3] = Algorithm(t[i + 3]);
        key.CopyTo(rdata, 4);
        return rdata;
    }

    /// <summary>Key tag via SmtpDane.Dns.DnskeyRecord (RFC 4034 App. B; the single implementation in the product).</summary>
    public static ushort Tag(byte[] rdata) =>
        new SmtpDane.Dns.DnskeyRecord((ushort)((rdata[0] << 8) | rdata[1]), rdata[2], rdata[3], rdata[4..]).KeyTag;

    public static uint Time(string token) => token.Length == 14
        ? (uint)DateTimeOffset.ParseExact(token, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeSeconds()
        : uint.Parse(token, CultureInfo.InvariantCulture);
}
