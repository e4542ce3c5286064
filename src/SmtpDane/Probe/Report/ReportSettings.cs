namespace SmtpDane.Probe.Report;

/// <summary>The options the formatters echo (Nagios perfdata thresholds, the timeout message).</summary>
/// <param name="ExpirationWarning"><c>-expiration-warning</c>; <see cref="TimeSpan.Zero"/> = disabled.</param>
/// <param name="RrsigExpirationWarning"><c>-rrsig-expiration-warning</c>; <see cref="TimeSpan.Zero"/> = disabled.</param>
/// <param name="GlobalTimeout"><c>-timeout</c>, null when none was set.</param>
public sealed record ReportSettings(
    TimeSpan ExpirationWarning,
    TimeSpan RrsigExpirationWarning,
    TimeSpan? GlobalTimeout);
