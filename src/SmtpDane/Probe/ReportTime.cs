using System.Globalization;

namespace SmtpDane.Probe;

/// <summary>How instants appear in finding messages and report lines: UTC, to the second, culture-free.</summary>
public static class ReportTime
{
    public static string Format(DateTimeOffset? t) =>
        t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
}
