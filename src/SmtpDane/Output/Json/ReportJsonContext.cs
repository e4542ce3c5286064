using System.Text.Json.Serialization;

namespace SmtpDane.Output.Json;

/// <summary>Source-generated serializer metadata: no reflection at run time, nothing for the AOT trimmer to lose.
/// Every enum is written as its stable token string by <see cref="JsonReportMapper"/>, so no enum converter is
/// involved; nulls are written (a field is always present, so the schema is the same for every document).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
