namespace SmtpDane.Output.Json;

public sealed record JsonDnsFact(
    string Name,
    string Type,
    string Security,
    string Denial,
    string? Reason,
    int? EdeCode,
    string? RrsigExpiry,
    IReadOnlyList<string> Answers);
