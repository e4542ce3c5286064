namespace SmtpDane.Output.Json;

public sealed record JsonTarget(
    string Target,
    string Kind,
    string Status,
    string Severity,
    string Judgement,
    IReadOnlyList<JsonFinding> Findings,
    IReadOnlyList<JsonDnsFact> Dns,
    IReadOnlyList<JsonEndpoint> Endpoints);
