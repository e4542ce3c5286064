namespace SmtpDane.Output.Json;

public sealed record JsonTlsa(
    string BaseDomain,
    string Owner,
    IReadOnlyList<JsonTlsaRecord> Records,
    JsonTlsaMatch? Match);
