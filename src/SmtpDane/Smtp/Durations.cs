using System.Globalization;

namespace SmtpDane.Smtp;

/// <summary>Renders a deadline for messages the way the CLI takes it (Go style: 2s, 1.5s, 250ms).</summary>
internal static class Durations
{
    /// <summary>Largest delay a CancellationTokenSource accepts (uint.MaxValue - 1 ms, about 49 days).</summary>
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    /// <summary>A deadline usable with CancelAfter: negative becomes zero (already expired), huge becomes the
    /// largest accepted, so a bad option value can never throw deep inside a probe.</summary>
    public static TimeSpan Clamp(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t > MaxDelay ? MaxDelay : t;

    public static string Format(TimeSpan t) => t.TotalSeconds >= 1
        ? t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s"
        : t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms";
}
