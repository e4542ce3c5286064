using System.Text;

namespace SmtpDane.Dns;

/// <summary>Presentation of a &lt;character-string&gt; (RFC 1035 §3.3, §5.1): quoted, with '"' and '\\' escaped and
/// non-printable octets as \DDD.</summary>
public static class CharacterString
{
    public static string ToText(byte[] octets)
    {
        var sb = new StringBuilder("\"");
        foreach (var b in octets)
        {
            if (b is (byte)'"' or (byte)'\\') sb.Append('\\').Append((char)b);
            else if (b < 0x20 || b >= 0x7F) sb.Append('\\').Append(b.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append((char)b);
        }
        return sb.Append('"').ToString();
    }
}
