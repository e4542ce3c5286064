namespace SmtpDane.Probe;

/// <summary>-at: every "now" of the run is this instant (certificates, RRSIGs, OCSP), while timers and
/// elapsed-time measurement keep using the real clock, so deadlines still work.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
