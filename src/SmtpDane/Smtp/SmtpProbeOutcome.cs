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
