namespace SmtpDane.Smtp;

/// <summary>Ends a probe early with a typed outcome. Internal control flow only: <see cref="SmtpProbe.RunAsync"/>
/// catches it and returns a result.</summary>
internal sealed class SmtpProbeFailure : Exception
{
    public SmtpProbeFailure(SmtpProbeOutcome outcome, SmtpPhase phase, string detail) : base(detail)
    {
        Outcome = outcome;
        Phase = phase;
    }

    public SmtpProbeOutcome Outcome { get; }

    public SmtpPhase Phase { get; }
}
