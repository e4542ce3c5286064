namespace SmtpDane.Cli;

/// <summary>Go's <c>time.ParseDuration</c> syntax ("168h", "1h30m", "1.5s", "10ms", "1ns", "0s", "0"), so the
/// original tool's invocations keep working. Go counts int64 nanoseconds; so do we, then round any
/// sub-tick remainder UP, so that "1ns" stays a non-zero duration (the original README relies on
/// "-expiration-warning 1ns" enabling the check).</summary>
public static class GoDuration
{
    private static readonly (string Unit, long Nanos)[] Units =
    [
        ("ns", 1), ("us", 1_000), ("\u00b5s", 1_000), ("\u03bcs", 1_000), ("ms", 1_000_000),
        ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000),
    ];

    public static bool TryParse(string text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        error = "";
        string s = text;
        bool negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s == "0") return true;
        if (s.Length == 0) { error = "empty duration"; return false; }

        decimal totalNanos = 0;
        int i = 0;
        while (i < s.Length)
        {
            int start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            int intEnd = i;
            bool hasFraction = false;
            if (i < s.Length && s[i] == '.')
            {
                hasFraction = true;
                i++;
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            }
            string number = s[start..i];
            if (number.Length == 0 || number == "." || (intEnd == start && !hasFraction))
            { error = $"invalid duration \"{text}\""; return false; }

            int unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.') i++;
            string unit = s[unitStart..i];
            if (unit.Length == 0) { error = $"missing unit in duration \"{text}\" (use ns, us, ms, s, m or h)"; return false; }
            long nanosPerUnit = 0;
            foreach (var (u, n) in Units) if (u == unit) nanosPerUnit = n;
            if (nanosPerUnit == 0) { error = $"unknown unit \"{unit}\" in duration \"{text}\" (use ns, us, ms, s, m or h)"; return false; }

            if (number.Length > 28 || !decimal.TryParse(number.StartsWith('.') ? "0" + number : number,
                    System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var n2))
            { error = $"invalid duration \"{text}\""; return false; }
            if (n2 > long.MaxValue / nanosPerUnit) { error = $"duration \"{text}\" is out of range"; return false; }
            totalNanos += n2 * nanosPerUnit;
            if (totalNanos > long.MaxValue) { error = $"duration \"{text}\" is out of range"; return false; }
        }

        long nanos = (long)totalNanos; // Go truncates fractional nanoseconds too
        long ticks = nanos / 100 + (nanos % 100 != 0 ? 1 : 0);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    /// <summary>Parses a non-negative duration flag; errors name the flag.</summary>
    public static TimeSpan ParseFlag(string flag, string text)
    {
        if (!TryParse(text, out var v, out var err))
            throw new UsageException($"invalid value \"{text}\" for flag -{flag}: {err}");
        if (v < TimeSpan.Zero)
            throw new UsageException($"invalid value \"{text}\" for flag -{flag}: a duration here cannot be negative");
        return v;
    }

    /// <summary>Go's Duration.String shape for help and reports ("168h0m0s" is what Go prints; we print the
    /// shorter "168h").</summary>
    public static string Format(TimeSpan d)
    {
        if (d == TimeSpan.Zero) return "0s";
        var parts = new System.Text.StringBuilder();
        if (d.Days * 24 + d.Hours > 0) parts.Append(d.Days * 24 + d.Hours).Append('h');
        if (d.Minutes > 0) parts.Append(d.Minutes).Append('m');
        if (d.Seconds > 0 || d.Milliseconds > 0)
            parts.Append(d.Milliseconds > 0 ? $"{d.Seconds}.{d.Milliseconds:000}".TrimEnd('0') : d.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('s');
        if (parts.Length == 0) parts.Append(d.Ticks * 100).Append("ns");
        return parts.ToString();
    }
}
