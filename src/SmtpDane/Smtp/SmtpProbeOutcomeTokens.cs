using SmtpDane.Probe;

namespace SmtpDane.Smtp;

/// <summary>The one place that maps probe outcomes to the stable status words of cli.md.</summary>
public static class SmtpProbeOutcomeTokens
{
    /// <summary>The status token for a failed probe; null for <see cref="SmtpProbeOutcome.Completed"/>.
    /// STARTTLS injection is not an outcome but a flag (<see cref="SmtpProbeResult.InjectedPlaintextBytes"/>),
    /// reported as <see cref="StatusToken.StarttlsInjection"/> alongside the outcome.</summary>
    public static StatusToken? ToStatusToken(this SmtpProbeOutcome outcome) => outcome switch
    {
        SmtpProbeOutcome.Completed => null,
        SmtpProbeOutcome.ConnectFailed => StatusToken.ConnectFailed,
        SmtpProbeOutcome.BannerFailed => StatusToken.BannerFailed,
        SmtpProbeOutcome.EhloFailed => StatusToken.SmtpFailed,
        SmtpProbeOutcome.StarttlsNotOffered => StatusToken.StarttlsNotOffered,
        // RFC 8460 §4.3 files both "not offered" and "refused" under starttls-not-supported: for a sender the
        // effect is the same (no TLS); the detail sentence tells them apart.
        SmtpProbeOutcome.StarttlsRefused => StatusToken.StarttlsNotOffered,
        SmtpProbeOutcome.TlsFailed => StatusToken.TlsFailed,
        SmtpProbeOutcome.Timeout => StatusToken.Timeout,
        SmtpProbeOutcome.ProtocolError => StatusToken.SmtpFailed,
        SmtpProbeOutcome.ConnectionClosed => StatusToken.SmtpFailed,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
