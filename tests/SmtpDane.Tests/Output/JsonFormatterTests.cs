using System.Text.Json;
using SmtpDane.Output;
using SmtpDane.Output.Json;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;
using static SmtpDane.Tests.Output.Sample;

namespace SmtpDane.Tests.Output;

public class JsonFormatterTests
{
    private static JsonElement Parse(ProbeReport report) => JsonDocument.Parse(JsonFormatter.Format(report)).RootElement;

    private static void Has(JsonElement e, string name, JsonValueKind kind)
    {
        Assert.True(e.TryGetProperty(name, out var v), $"missing '{name}'");
        Assert.True(v.ValueKind == kind, $"'{name}' is {v.ValueKind}, expected {kind}");
    }

    private static void HasNullable(JsonElement e, string name, JsonValueKind kind)
    {
        Assert.True(e.TryGetProperty(name, out var v), $"missing '{name}'");
        Assert.True(v.ValueKind == kind || v.ValueKind == JsonValueKind.Null, $"'{name}' is {v.ValueKind}");
    }

    [Fact]
    public void Document_has_every_required_field_with_its_type()
    {
        var root = Parse(RichSample.Build());
        Has(root, "schemaVersion", JsonValueKind.Number);
        Has(root, "version", JsonValueKind.String);
        Has(root, "state", JsonValueKind.String);
        Has(root, "exitCode", JsonValueKind.Number);
        Has(root, "trust", JsonValueKind.String);
        Has(root, "completion", JsonValueKind.String);
        Has(root, "elapsedSeconds", JsonValueKind.Number);
        Has(root, "summary", JsonValueKind.Object);
        Has(root, "targets", JsonValueKind.Array);
        foreach (var t in root.GetProperty("targets").EnumerateArray())
        {
            foreach (var f in new[] { "target", "kind", "status", "severity", "judgement" }) Has(t, f, JsonValueKind.String);
            foreach (var f in new[] { "findings", "dns", "endpoints" }) Has(t, f, JsonValueKind.Array);
            foreach (var finding in t.GetProperty("findings").EnumerateArray())
                foreach (var f in new[] { "token", "severity", "message" }) Has(finding, f, JsonValueKind.String);
            foreach (var d in t.GetProperty("dns").EnumerateArray())
            {
                foreach (var f in new[] { "name", "type", "security", "denial" }) Has(d, f, JsonValueKind.String);
                HasNullable(d, "reason", JsonValueKind.String);
                HasNullable(d, "edeCode", JsonValueKind.Number);
                HasNullable(d, "rrsigExpiry", JsonValueKind.String);
                Has(d, "answers", JsonValueKind.Array);
            }
            foreach (var e in t.GetProperty("endpoints").EnumerateArray())
            {
                foreach (var f in new[] { "host", "address", "status", "severity" }) Has(e, f, JsonValueKind.String);
                Has(e, "port", JsonValueKind.Number);
                HasNullable(e, "preference", JsonValueKind.Number);
                Has(e, "findings", JsonValueKind.Array);
                Has(e, "dns", JsonValueKind.Array);
                HasNullable(e, "tls", JsonValueKind.Object);
                HasNullable(e, "tlsa", JsonValueKind.Object);
                Has(e, "elapsedSeconds", JsonValueKind.Number);
                HasNullable(e, "certificateExpiry", JsonValueKind.String);
                HasNullable(e, "certDays", JsonValueKind.Number);
            }
        }
    }

    [Fact]
    public void Values_come_from_the_report_in_stable_order()
    {
        var report = RichSample.Build();
        var root = Parse(report);
        Assert.Equal("CRITICAL", root.GetProperty("state").GetString());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.Equal(report.ToolVersion, root.GetProperty("version").GetString());
        Assert.Equal("validated", root.GetProperty("trust").GetString());
        Assert.Equal(1.5, root.GetProperty("elapsedSeconds").GetDouble());

        var targets = root.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(report.Targets.Select(t => t.Target), targets.Select(t => t.GetProperty("target").GetString()));
        Assert.Equal(["mx", "mx", "host"], targets.Select(t => t.GetProperty("kind").GetString()));

        var endpoints = targets[0].GetProperty("endpoints").EnumerateArray().ToList();
        Assert.Equal(RichSample.MxInOrder.Select(e => (e.Host, e.Address.ToString(), e.Port)),
            endpoints.Select(e => (e.GetProperty("host").GetString()!, e.GetProperty("address").GetString()!, e.GetProperty("port").GetInt32())));
        Assert.Equal(["pass", "tlsa-mismatch", "pass", "cert-expiring"], endpoints.Select(e => e.GetProperty("status").GetString()));
        Assert.Equal(["ok", "error", "ok", "warning"], endpoints.Select(e => e.GetProperty("severity").GetString()));

        var tls = endpoints[0].GetProperty("tls");
        Assert.Equal(RichSample.Tls.CipherSuite, tls.GetProperty("cipherSuite").GetString());
        var tlsa = endpoints[0].GetProperty("tlsa");
        Assert.Equal(RichSample.Tlsa.OwnerName, tlsa.GetProperty("owner").GetString());
        Assert.Equal(RichSample.Tlsa.Match!.Depth, tlsa.GetProperty("match").GetProperty("depth").GetInt32());
        Assert.Equal(RichSample.Tlsa.Records.Count, tlsa.GetProperty("records").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, endpoints[1].GetProperty("tls").ValueKind);

        var bogus = endpoints[1].GetProperty("dns")[0];
        Assert.Equal("bogus", bogus.GetProperty("security").GetString());
        Assert.Equal(RichSample.BogusTlsa.EdeCode, bogus.GetProperty("edeCode").GetInt32());

        var nullMx = targets[1].GetProperty("findings")[0];
        Assert.Equal((RichSample.NullMx.Token.ToToken(), "error", RichSample.NullMx.Message),
            (nullMx.GetProperty("token").GetString(), nullMx.GetProperty("severity").GetString(), nullMx.GetProperty("message").GetString()));

        var summary = root.GetProperty("summary");
        Assert.Equal((5, 3, 1, 1, 5L, 2L), (summary.GetProperty("endpoints").GetInt32(), summary.GetProperty("ok").GetInt32(),
            summary.GetProperty("warning").GetInt32(), summary.GetProperty("error").GetInt32(),
            summary.GetProperty("certDays").GetInt64(), summary.GetProperty("rrsigDays").GetInt64()));
    }

    [Fact]
    public void Global_timeout_is_unknown_with_the_default_exit_code()
    {
        var root = Parse(OneEndpoint() with { Completion = RunCompletion.GlobalTimeout });
        Assert.Equal("UNKNOWN", root.GetProperty("state").GetString());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("global-timeout", root.GetProperty("completion").GetString());
    }

    [Fact]
    public void Hostile_text_round_trips_as_valid_json()
    {
        const string nasty = "220 \"quoted\" \u001b[2J\n\u0000 \\ </script> \u202e";
        var root = Parse(OneEndpoint(F(StatusToken.BannerFailed, Severity.Error, nasty)));
        var message = root.GetProperty("targets")[0].GetProperty("endpoints")[0].GetProperty("findings")[0]
            .GetProperty("message").GetString();
        Assert.Equal(nasty, message);
    }

    [Fact]
    public void Output_does_not_depend_on_completion_order()
    {
        var reference = JsonFormatter.Format(RichSample.Build(RichSample.MxInOrder));
        foreach (var order in RichSample.Permutations(RichSample.MxInOrder))
            Assert.Equal(reference, JsonFormatter.Format(RichSample.Build(order)));
    }
}
