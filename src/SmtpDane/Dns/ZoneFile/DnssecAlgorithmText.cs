namespace SmtpDane.Dns.ZoneFile;

/// <summary>Algorithm mnemonics allowed in presentation form (RFC 4034 Appendix A.1 and the IANA "DNS Security
/// Algorithm Numbers" registry).</summary>
internal static class DnssecAlgorithmText
{
    private static readonly Dictionary<string, byte> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RSAMD5"] = 1, ["DH"] = 2, ["DSA"] = 3, ["RSASHA1"] = 5, ["DSA-NSEC3-SHA1"] = 6,
        ["RSASHA1-NSEC3-SHA1"] = 7, ["RSASHA256"] = 8, ["RSASHA512"] = 10, ["ECC-GOST"] = 12,
        ["ECDSAP256SHA256"] = 13, ["ECDSAP384SHA384"] = 14, ["ED25519"] = 15, ["ED448"] = 16,
        ["INDIRECT"] = 252, ["PRIVATEDNS"] = 253, ["PRIVATEOID"] = 254,
    };

    public static bool TryParse(string text, out byte value) => Table.TryGetValue(text, out value);
}
