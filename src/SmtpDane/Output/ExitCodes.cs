using SmtpDane.Probe.Report;

namespace SmtpDane.Output;

/// <summary>The process exit status, decided here and nowhere else (cli.md "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Default mode: everything OK.</summary>
    public const int Ok = 0;
    /// <summary>Default mode: warnings or errors found (also an incomplete run: the deadline fired).</summary>
    public const int ProblemsFound = 1;
    /// <summary>Default and JSON mode: the command line could not be used.</summary>
    public const int UsageError = 2;

    /// <summary>Nagios plugin return codes (plugin guidelines, "Plugin Return Codes").</summary>
    public const int NagiosOk = 0;
    public const int NagiosWarning = 1;
    public const int NagiosCritical = 2;
    public const int NagiosUnknown = 3;
    /// <summary>A usage error in Nagios mode is UNKNOWN: the check did not run, nothing was judged.</summary>
    public const int NagiosUsageError = NagiosUnknown;

    /// <summary>Exit status for a usage error in the given mode (2, or 3 under <c>-nagios</c>).</summary>
    public static int ForUsageError(OutputMode mode) => mode == OutputMode.Nagios ? NagiosUsageError : UsageError;

    /// <summary>Exit status for a finished (or deadline-cut) run.</summary>
    public static int Map(ProbeReport report, OutputMode mode) => Map(MonitorStates.Of(report), mode);

    /// <summary>The whole table in one place. JSON keeps the default convention ("exit codes unchanged").
    /// Default mode has no UNKNOWN: an incomplete run did not prove everything OK, so it is 1, not 0.</summary>
    public static int Map(MonitorState state, OutputMode mode) => (mode, state) switch
    {
        (OutputMode.Nagios, MonitorState.Ok) => NagiosOk,
        (OutputMode.Nagios, MonitorState.Warning) => NagiosWarning,
        (OutputMode.Nagios, MonitorState.Critical) => NagiosCritical,
        (OutputMode.Nagios, MonitorState.Unknown) => NagiosUnknown,
        (OutputMode.Text or OutputMode.Json, MonitorState.Ok) => Ok,
        (OutputMode.Text or OutputMode.Json, MonitorState.Warning or MonitorState.Critical or MonitorState.Unknown) => ProblemsFound,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };
}
