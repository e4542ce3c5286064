using SmtpDane.Probe;

namespace SmtpDane.Smtp;

/// <summary>How an SMTP/TLS probe ended. Every value comes with a detail sentence in <see cref="SmtpProbeResult"/>.</summary>
public enum SmtpProbeOutcome
{
    /// <summary>Banner, EHLO, TLS, EHLO after TLS all succeeded (QUIT problems are ignored).</summary>
    Completed,

    /// <summary>TCP connection (or SOCKS5 proxy connection) refused or failed.</summary>
    ConnectFailed,

    /// <summary>The greeting was 4xx/5xx or not 220, or the server closed before greeting (RFC 5321 §3.1).</summary>
    BannerFailed,

    /// <summary>Both EHLO and HELO were refused (RFC 5321 §4.1.1.1).</summary>
    EhloFailed,

    /// <summary>EHLO did not list STARTTLS, or only HELO was accepted (RFC 3207 §4).</summary>
    StarttlsNotOffered,

    /// <summary>STARTTLS was answered with something other than 220, e.g. 454 (RFC 3207 §4).</summary>
    StarttlsRefused,

    /// <summary>The TLS handshake or the TLS connection failed (alert, close, plaintext answer).</summary>
    TlsFailed,

    /// <summary>A step did not finish within its deadline.</summary>
    Timeout,

    /// <summary>The server sent bytes that are not SMTP (garbage codes, oversized lines, TLS records).</summary>
    ProtocolError,

    /// <summary>The server closed the connection in the middle of the dialogue.</summary>
    ConnectionClosed,
}

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
