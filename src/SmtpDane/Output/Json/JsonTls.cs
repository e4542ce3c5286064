namespace SmtpDane.Output.Json;

public sealed record JsonTls(
    string Version,
    string CipherSuite,
    string? Group,
    string? SignatureScheme,
    IReadOnlyList<string> Chain,
    string? Ocsp);
