namespace SmtpDane.Dns;

/// <summary>The one IPv4 text form this project accepts: four decimal parts (RFC 1035 §3.4.1 presentation).
/// IPAddress.TryParse alone also takes inet_aton shorthands such as "10", "1.2" or "0x7f.1", which in a zone
/// file, a resolver address or a target are typos, not addresses.</summary>
public static class DottedQuad
{
    /// <summary>Shape only: four parts of 1–3 ASCII digits. Range (≤ 255) is left to IPAddress.TryParse.</summary>
    public static bool IsShaped(string s) =>
        s.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit));
}
