using SmtpDane.Probe.Report;

namespace SmtpDane.Output;

/// <summary>Smallest days-to-expiry in a report, counted from <see cref="ProbeReport.JudgedAt"/> (so <c>-at</c>
/// shifts them too). Whole days, rounded DOWN: 6.9 days left is 6, so the value drops below a 7-day threshold
/// exactly when the probe starts warning; an expired item is negative.</summary>
public static class ExpiryDays
{
    /// <summary>Smallest days left among the verdict certificates of all endpoints; null when none is known.</summary>
    public static long? Certificates(ProbeReport report) =>
        Smallest(report, report.AllEndpoints.Select(e => e.CertificateExpiry));

    /// <summary>Smallest days left among the earliest RRSIG expirations of all DNS facts; null when none is known.</summary>
    public static long? Signatures(ProbeReport report) =>
        Smallest(report, report.AllDnsFacts.Select(f => f.EarliestRrsigExpiry));

    public static long DaysLeft(DateTimeOffset expiry, DateTimeOffset now) =>
        (long)Math.Floor((expiry - now).TotalDays);

    private static long? Smallest(ProbeReport report, IEnumerable<DateTimeOffset?> expiries)
    {
        long? min = null;
        foreach (var x in expiries)
        {
            if (x is not { } when) continue;
            long d = DaysLeft(when, report.JudgedAt);
            if (min is null || d < min) min = d;
        }
        return min;
    }
}
