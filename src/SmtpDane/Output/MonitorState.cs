using SmtpDane.Probe;
using SmtpDane.Probe.Report;

namespace SmtpDane.Output;

/// <summary>The overall state of a run in monitoring terms (Nagios plugin guidelines, "Plugin Return Codes").
/// Shared by the Nagios status line, the JSON <c>state</c> field and the exit code.</summary>
public enum MonitorState
{
    Ok,
    Warning,
    Critical,
    Unknown,
}

public static class MonitorStates
{
    /// <summary>The overall state, rule by rule, first match wins:
    /// <list type="number">
    /// <item>the global deadline fired → Unknown (results are incomplete, whatever they say; cli.md);</item>
    /// <item>no targets, or no target could be judged (<see cref="TargetJudgement.NotJudged"/>) → Unknown;</item>
    /// <item>any target (its own findings or any endpoint) at <see cref="Severity.Error"/> → Critical;</item>
    /// <item>any at <see cref="Severity.Warning"/> → Warning;</item>
    /// <item>otherwise Ok.</item>
    /// </list></summary>
    public static MonitorState Of(ProbeReport report)
    {
        if (report.Completion == RunCompletion.GlobalTimeout) return MonitorState.Unknown;
        if (!report.Targets.Any(t => t.Judgement == TargetJudgement.Judged)) return MonitorState.Unknown;
        var worst = Severity.Ok;
        foreach (var t in report.Targets) worst = worst.Worst(t.Severity);
        return worst switch
        {
            Severity.Error => MonitorState.Critical,
            Severity.Warning => MonitorState.Warning,
            _ => MonitorState.Ok,
        };
    }

    /// <summary>Upper-case word of the Nagios status line and the JSON <c>state</c> field.</summary>
    public static string ToText(this MonitorState s) => s switch
    {
        MonitorState.Ok => "OK",
        MonitorState.Warning => "WARNING",
        MonitorState.Critical => "CRITICAL",
        MonitorState.Unknown => "UNKNOWN",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}
