namespace SmtpDane.Probe.Report;

/// <summary>Whether the probe reached a verdict that can be attributed to the target itself.
/// The runner sets <see cref="NotJudged"/> when the failure is on our side of the wire (no resolver answered,
/// the global deadline cut the target short): Nagios mode then says UNKNOWN rather than blaming the target
/// when no target at all could be judged (cli.md "Exit codes").</summary>
public enum TargetJudgement
{
    Judged,
    NotJudged,
}

public static class TargetJudgementText
{
    public static string ToToken(this TargetJudgement j) => j switch
    {
        TargetJudgement.Judged => "judged",
        TargetJudgement.NotJudged => "not-judged",
        _ => throw new ArgumentOutOfRangeException(nameof(j)),
    };
}
