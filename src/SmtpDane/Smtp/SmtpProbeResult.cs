using SmtpDane.Probe;
using SmtpDane.Tls;

namespace SmtpDane.Smtp;

/// <summary>Everything one SMTP/TLS probe saw. <see cref="Tls"/> is set as soon as a handshake completed, even when
/// a later step failed, so DANE can still be judged on a server whose post-TLS EHLO breaks.</summary>
public sealed record SmtpProbeResult
{
    public required SmtpProbeOutcome Outcome { get; init; }

    /// <summary>Where the probe ended (<see cref="SmtpPhase.Done"/> after a completed dialogue).</summary>
    public required SmtpPhase Phase { get; init; }

    /// <summary>A sentence for the operator saying what happened, with the server's reply text when there was one.</summary>
    public required string Detail { get; init; }

    /// <summary>The 220 greeting (or the failing greeting), after TLS on the TLS-on-connect path.</summary>
    public SmtpReply? Banner { get; init; }

    /// <summary>The EHLO (or HELO) reply before TLS; null on the TLS-on-connect path.</summary>
    public SmtpReply? EhloBeforeTls { get; init; }

    public SmtpCapabilities? CapabilitiesBeforeTls { get; init; }

    /// <summary>True when EHLO was refused and HELO used instead (no extensions, so no STARTTLS).</summary>
    public bool UsedHeloFallback { get; init; }

    public SmtpReply? StarttlsReply { get; init; }

    /// <summary>Plaintext octets received after the STARTTLS 220 and before the handshake: discarded, never
    /// interpreted (RFC 3207 §4.2, CVE-2011-0411 "STARTTLS command injection"). Non-zero → report
    /// <see cref="SmtpDane.Probe.StatusToken.StarttlsInjection"/>.</summary>
    public int InjectedPlaintextBytes { get; init; }

    public TlsSessionFacts? Tls { get; init; }

    /// <summary>The EHLO (or HELO) reply after TLS; capabilities are rebuilt from it alone (RFC 3207 §4.2).</summary>
    public SmtpReply? EhloAfterTls { get; init; }

    public SmtpCapabilities? CapabilitiesAfterTls { get; init; }

    public SmtpReply? QuitReply { get; init; }

    /// <summary>The status words this probe contributes: the outcome's (none when completed) and
    /// starttls-injection when plaintext was injected (independent of how the dialogue ended).</summary>
    public IReadOnlyList<StatusToken> StatusTokens()
    {
        var tokens = new List<StatusToken>(2);
        if (Outcome.ToStatusToken() is { } token) tokens.Add(token);
        if (InjectedPlaintextBytes > 0) tokens.Add(StatusToken.StarttlsInjection);
        return tokens;
    }

    /// <summary>Wall time from the start of the connect to the end of the probe.</summary>
    public TimeSpan Elapsed { get; init; }
}
