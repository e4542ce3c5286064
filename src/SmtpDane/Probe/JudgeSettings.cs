namespace SmtpDane.Probe;

/// <summary>The options that shape a verdict, with the instant validity is judged at (-at or the start time).</summary>
public sealed record JudgeSettings(
    DateTimeOffset Now,
    TimeSpan ExpirationWarning,
    TimeSpan RrsigExpirationWarning,
    bool ExpectOcsp,
    bool ShowCertInfo,
    bool ShowCerts,
    IReadOnlyList<string> Aka);
