using System.Text.Json;
using SmtpDane.Probe.Report;

namespace SmtpDane.Output.Json;

/// <summary><c>-json</c>: one indented JSON document (schema in docs/json-schema.md), followed by a newline.</summary>
public static class JsonFormatter
{
    public static string Format(ProbeReport report) =>
        JsonSerializer.Serialize(JsonReportMapper.Map(report), ReportJsonContext.Default.JsonReport) + "\n";
}
