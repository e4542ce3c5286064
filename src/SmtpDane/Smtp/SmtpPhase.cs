namespace SmtpDane.Smtp;

/// <summary>Where in the dialogue a probe was when it ended.</summary>
public enum SmtpPhase
{
    Connect,
    TlsHandshake,
    Banner,
    Ehlo,
    Starttls,
    EhloAfterTls,
    Quit,
    Done,
}
