using System.Globalization;
using System.Text;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;

namespace SmtpDane.Output;

/// <summary><c>-nagios</c> output (Nagios plugin guidelines): the first line is
/// <c>SMTPDANE STATE - summary | perfdata</c>; then long output, one line per target problem and per endpoint
/// (the <see cref="OutcomeLine"/> form with its status token), and the DNSSEC trust source. Never coloured; the
/// CLI writes all of it to stdout and nothing to stderr.
/// <para>Perfdata: <c>endpoints ok warning critical</c> (counts, min 0), <c>cert_days</c> and <c>rrsig_days</c>
/// (smallest whole days to expiry, <c>U</c> when unknown), <c>time</c> (seconds). The warn/crit fields of the day
/// counts are guideline RANGES, which alert when the value is OUTSIDE them: "warn below 7 days" is <c>7:</c> (a bare
/// <c>7</c> would mean "alert above 7"), crit <c>0:</c> (expired). A disabled threshold leaves warn empty.</para>
/// <para>A <c>|</c> inside any text would start perfdata early, so it is replaced by <c>/</c>.</para></summary>
public static class NagiosFormatter
{
    public const string ServiceName = "SMTPDANE";

    public static string Format(ProbeReport report)
    {
        var state = MonitorStates.Of(report);
        var sb = new StringBuilder();
        sb.Append(ServiceName).Append(' ').Append(state.ToText()).Append(" - ")
          .Append(NoPipe(StatusSummary(report, state)))
          .Append(" | ").Append(string.Join(" ", PerfData(report))).Append('\n');
        foreach (var t in report.Targets)
        {
            if (OutcomeLine.TargetNeedsLine(t)) sb.Append(NoPipe(OutcomeLine.Target(t, color: false))).Append('\n');
            foreach (var e in t.OrderedEndpoints) sb.Append(NoPipe(OutcomeLine.Endpoint(e, color: false))).Append('\n');
        }
        sb.Append("dnssec: ").Append(report.Trust.ToText()).Append('\n');
        return sb.ToString();
    }

    /// <summary>The status line for a usage error: the check did not run (UNKNOWN, exit
    /// <see cref="ExitCodes.NagiosUsageError"/>).</summary>
    public static string FormatUsageError(string message) =>
        ServiceName + " " + MonitorState.Unknown.ToText() + " - usage error: " + NoPipe(TextSafe.Line(message)) + "\n";

    /// <summary><c>N endpoints: N ok, N warning, N critical</c>, prefixed with why the state is UNKNOWN when it is,
    /// followed by the worst problem (<c>; worst: LABEL token</c>) when the state is not OK.</summary>
    public static string StatusSummary(ProbeReport report, MonitorState state)
    {
        var c = ReportCounts.Of(report);
        var s = string.Create(CultureInfo.InvariantCulture,
            $"{c.Endpoints} endpoints: {c.Ok} ok, {c.Warning} warning, {c.Error} critical");
        if (c.TargetProblems > 0) s += string.Create(CultureInfo.InvariantCulture, $", {c.TargetProblems} target problems");
        if (report.Completion == RunCompletion.GlobalTimeout) s = TextFormatter.TimeoutSentence(report) + "; " + s;
        else if (state == MonitorState.Unknown) s = "no target could be judged; " + s;
        if (state != MonitorState.Ok && Worst(report) is { } worst) s += "; worst: " + worst;
        return s;
    }

    /// <summary>The first target-level or endpoint outcome (report order) at the run's worst severity.</summary>
    private static string? Worst(ProbeReport report)
    {
        var worst = Severity.Ok;
        foreach (var t in report.Targets) worst = worst.Worst(t.Severity);
        if (worst == Severity.Ok) return null;
        foreach (var t in report.Targets)
        {
            if (t.OwnVerdict.Severity == worst) return OutcomeLine.TargetLabel(t) + " " + t.OwnVerdict.Status.ToToken();
            foreach (var e in t.OrderedEndpoints)
                if (e.Severity == worst) return EndpointLabel.Of(e) + " " + e.Status.ToToken();
        }
        return null;
    }

    public static IReadOnlyList<PerfDatum> PerfData(ProbeReport report)
    {
        var c = ReportCounts.Of(report);
        var s = report.Settings;
        return
        [
            new PerfDatum("endpoints", PerfDatum.Number(c.Endpoints), Min: "0"),
            new PerfDatum("ok", PerfDatum.Number(c.Ok), Min: "0"),
            new PerfDatum("warning", PerfDatum.Number(c.Warning), Min: "0"),
            new PerfDatum("critical", PerfDatum.Number(c.Error), Min: "0"),
            new PerfDatum("cert_days", Days(ExpiryDays.Certificates(report)), Warn: Below(s.ExpirationWarning), Crit: "0:"),
            new PerfDatum("rrsig_days", Days(ExpiryDays.Signatures(report)), Warn: Below(s.RrsigExpirationWarning), Crit: "0:"),
            new PerfDatum("time", PerfDatum.Number(report.Elapsed.TotalSeconds), Unit: "s", Min: "0"),
        ];
    }

    private static string Days(long? days) => days is { } d ? PerfDatum.Number(d) : PerfDatum.Undetermined;

    /// <summary>Range "alert when below the threshold" in days; empty when the threshold is disabled (0s).</summary>
    private static string Below(TimeSpan threshold) =>
        threshold <= TimeSpan.Zero ? "" : PerfDatum.Number(threshold.TotalDays) + ":";

    private static string NoPipe(string text) => text.Replace('|', '/');
}
