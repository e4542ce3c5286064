namespace SmtpDane.Probe;

/// <summary>One fact worth telling the operator: a stable token, how bad it is, and a human sentence.</summary>
public sealed record Finding(StatusToken Token, Severity Severity, string Message);
