using System.Text;

namespace SmtpDane.Dns.Wire;

/// <summary>An Extended DNS Error (RFC 8914 §2): INFO-CODE and optional UTF-8 EXTRA-TEXT.</summary>
public sealed record ExtendedDnsError(ushort InfoCode, string ExtraText)
{
    /// <summary>EXTRA-TEXT longer than this is cut when decoded: it is for humans and ends up in reports.</summary>
    public const int MaxExtraTextChars = 200;

    /// <summary>Parses option 15 data; null when shorter than the 2-octet INFO-CODE (RFC 8914 §2: such an option is
    /// malformed and is ignored rather than failing the whole answer — EDE is informational, §3).</summary>
    public static ExtendedDnsError? TryParse(byte[] data)
    {
        if (data.Length < 2) return null;
        var text = Encoding.UTF8.GetString(data, 2, data.Length - 2).TrimEnd('\0');
        if (text.Length > MaxExtraTextChars) text = text[..MaxExtraTextChars];
        return new ExtendedDnsError((ushort)((data[0] << 8) | data[1]), text);
    }

    public byte[] ToOptionData()
    {
        var t = Encoding.UTF8.GetBytes(ExtraText);
        var d = new byte[2 + t.Length];
        d[0] = (byte)(InfoCode >> 8); d[1] = (byte)InfoCode;
        t.CopyTo(d, 2);
        return d;
    }

    public override string ToString() => ExtraText.Length == 0 ? $"EDE {InfoCode}" : $"EDE {InfoCode} ({ExtraText})";
}
