using System.Globalization;

namespace SmtpDane.Smtp;

/// <summary>Renders a deadline for messages the way the CLI takes it (Go style: 2s, 1.5s, 250ms).</summary>
internal static class Durations
{
    public static string Format(TimeSpan t) => t.TotalSeconds >= 1
        ? t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s"
        : t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms";
}
