namespace SmtpDane.Output.Json;

/// <summary>Top-level JSON document (docs/json-schema.md). Field order and names are part of the contract.</summary>
public sealed record JsonReport(
    int SchemaVersion,
    string Version,
    string State,
    int ExitCode,
    string Trust,
    string Completion,
    string StartedAt,
    string JudgedAt,
    double ElapsedSeconds,
    JsonSummary Summary,
    IReadOnlyList<JsonTarget> Targets);
