namespace SmtpDane.Output.Json;

public sealed record JsonFinding(string Token, string Severity, string Message);
