using System.Globalization;

namespace SmtpDane.Dns;

/// <summary>RRSIG times: 32-bit seconds since 1970 compared with serial-number arithmetic (RFC 4034 §3.1.5,
/// RFC 1982), so they wrap every 136 years.</summary>
public static class SerialTime
{
    /// <summary>The instant congruent to <paramref name="value"/> modulo 2^32 that lies within 2^31 seconds of
    /// <paramref name="reference"/> (RFC 1982 §3.2 comparison).</summary>
    public static DateTimeOffset Resolve(uint value, DateTimeOffset reference)
    {
        long r = reference.ToUnixTimeSeconds();
        long delta = unchecked((int)(value - (uint)r)); // signed distance in serial space
        return DateTimeOffset.FromUnixTimeSeconds(r + delta);
    }

    /// <summary>RFC 4034 §3.2: YYYYMMDDHHmmSS in UTC (the value taken as seconds since 1970 without wrap).</summary>
    public static string ToText(uint value) =>
        DateTimeOffset.FromUnixTimeSeconds(value).UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>Parses YYYYMMDDHHmmSS (14 digits) or a decimal integer of seconds (RFC 4034 §3.2: "the field MUST be
    /// represented either as an unsigned decimal integer ... or in the form YYYYMMDDHHmmSS").</summary>
    public static bool TryParse(string text, out uint value)
    {
        value = 0;
        if (text.Length == 14 && text.All(char.IsAsciiDigit))
        {
            if (!DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dt)) return false;
            long s = new DateTimeOffset(dt, TimeSpan.Zero).ToUnixTimeSeconds();
            value = unchecked((uint)s); // dates past 2106 wrap, as the serial arithmetic expects
            return s >= 0;
        }
        return text.Length > 0 && text.Length <= 10 &&
               uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
