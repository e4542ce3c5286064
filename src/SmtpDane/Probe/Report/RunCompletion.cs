namespace SmtpDane.Probe.Report;

/// <summary>Whether the run finished on its own or was cut by the global <c>-timeout</c> deadline.
/// A cut run is UNKNOWN in Nagios mode whatever was found before the cut (cli.md "Exit codes").</summary>
public enum RunCompletion
{
    Completed,
    GlobalTimeout,
}

public static class RunCompletionText
{
    public static string ToToken(this RunCompletion c) => c switch
    {
        RunCompletion.Completed => "completed",
        RunCompletion.GlobalTimeout => "global-timeout",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };
}
