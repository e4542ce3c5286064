namespace SmtpDane.Output.Json;

public sealed record JsonEndpoint(
    string Host,
    string Address,
    int Port,
    int? Preference,
    string Status,
    string Severity,
    IReadOnlyList<JsonFinding> Findings,
    IReadOnlyList<JsonDnsFact> Dns,
    JsonTls? Tls,
    JsonTlsa? Tlsa,
    double ElapsedSeconds,
    string? CertificateExpiry,
    long? CertDays,
    IReadOnlyList<string> CertificateInfo,
    string? ChainPem);
