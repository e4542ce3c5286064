using System.Text.RegularExpressions;
using SmtpDane.Output;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;
using static SmtpDane.Tests.Output.Sample;

namespace SmtpDane.Tests.Output;

public class NagiosFormatterTests
{
    /// <summary>Plugin guidelines: <c>SERVICE STATUS - text | 'label'=value[UOM];[warn];[crit];[min];[max] …</c>.
    /// Label: quoted (quotes doubled) or free of space, '=' and quote; value in [-0-9.] or U; UOM s/us/ms/%/B/KB/MB/TB/c.</summary>
    private static readonly Regex FirstLine = new(
        @"^SMTPDANE (?<state>OK|WARNING|CRITICAL|UNKNOWN) - (?<summary>[^|\n]+) \| " +
        @"(?<perf>(?:'(?:[^']|'')+'|[^ '=]+)=(?:-?[0-9.]+|U)(?:s|us|ms|%|B|KB|MB|TB|c)?(?:;[^; ]*){0,4})" +
        @"(?: (?:'(?:[^']|'')+'|[^ '=]+)=(?:-?[0-9.]+|U)(?:s|us|ms|%|B|KB|MB|TB|c)?(?:;[^; ]*){0,4})*$");

    private static string[] Lines(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static Dictionary<string, string> Perf(string output)
    {
        var first = Lines(output)[0];
        return first[(first.IndexOf(" | ", StringComparison.Ordinal) + 3)..].Split(' ')
            .ToDictionary(p => p[..p.IndexOf('=')], p => p[(p.IndexOf('=') + 1)..]);
    }

    public static TheoryData<string, ProbeReport, string> StateCases => new()
    {
        { "all ok", OneEndpoint(), "OK" },
        { "a warning", OneEndpoint(F(StatusToken.CertExpiring, Severity.Warning)), "WARNING" },
        { "an error among warnings", RichSample.Build(), "CRITICAL" },
        { "global timeout", OneEndpoint() with { Completion = RunCompletion.GlobalTimeout }, "UNKNOWN" },
        { "nothing judged", Report(Target("x.example", TargetKind.Host, [], F(StatusToken.DnsFailed, Severity.Error))
            with { Judgement = TargetJudgement.NotJudged }), "UNKNOWN" },
    };

    [Theory]
    [MemberData(nameof(StateCases))]
    public void First_line_follows_the_plugin_grammar_and_names_the_state(string description, ProbeReport report, string state)
    {
        var first = Lines(NagiosFormatter.Format(report))[0];
        var m = FirstLine.Match(first);
        Assert.True(m.Success, $"{description}: '{first}' does not follow the grammar");
        Assert.Equal(state, m.Groups["state"].Value);
        Assert.Equal(MonitorStates.Of(report).ToText(), state);
    }

    [Fact]
    public void Perfdata_counts_endpoints_and_gives_days_and_time()
    {
        var perf = Perf(NagiosFormatter.Format(RichSample.Build()));
        // 5 endpoints: mx1 v4, MX2 v4 and the submission host pass; mx2 v6 warns; mx1 v6 errs.
        Assert.Equal("5;;;0", perf["endpoints"]);
        Assert.Equal("3;;;0", perf["ok"]);
        Assert.Equal("1;;;0", perf["warning"]);
        Assert.Equal("1;;;0", perf["critical"]);
        // Earliest certificate: T0+5.5 days → 5 whole days; warn below 7 days (168h), crit below 0 (expired).
        Assert.Equal("5;7:;0:", perf["cert_days"]);
        // Earliest RRSIG: host.example A at T0+2.5 days → 2; warn below the 3-day rrsig threshold.
        Assert.Equal("2;3:;0:", perf["rrsig_days"]);
        Assert.Equal("1.5s;;;0", perf["time"]);
    }

    [Theory]
    [InlineData("default 168h", 168.0, "7:")]
    [InlineData("fractional 36h", 36.0, "1.5:")]
    [InlineData("disabled 0s", 0.0, "")]
    public void Certificate_warn_field_is_the_threshold_in_days_as_a_below_range(string description, double hours, string warn)
    {
        var report = RichSample.Build() with
        {
            Settings = new ReportSettings(TimeSpan.FromHours(hours), TimeSpan.FromDays(3), null),
        };
        Assert.True(Perf(NagiosFormatter.Format(report))["cert_days"] == $"5;{warn};0:", description);
    }

    [Fact]
    public void Unknown_expiry_is_U_and_expired_is_negative()
    {
        Assert.Equal("U;7:;0:", Perf(NagiosFormatter.Format(OneEndpoint()))["cert_days"]);
        Assert.Equal("U;3:;0:", Perf(NagiosFormatter.Format(OneEndpoint()))["rrsig_days"]);
        var expired = Report(Host("a.example", Endpoint("a.example", "192.0.2.1") with { CertificateExpiry = T0.AddDays(-1.5) }));
        Assert.Equal("-2;7:;0:", Perf(NagiosFormatter.Format(expired))["cert_days"]);
    }

    [Fact]
    public void Days_are_counted_from_the_judgement_time_not_the_start()
    {
        var report = RichSample.Build() with { JudgedAt = T0.AddDays(3) };
        Assert.Equal("2;7:;0:", Perf(NagiosFormatter.Format(report))["cert_days"]);   // 5.5 - 3 = 2.5 → 2
    }

    [Fact]
    public void Long_output_has_one_line_per_endpoint_with_its_token()
    {
        var report = RichSample.Build();
        var lines = Lines(NagiosFormatter.Format(report)).Skip(1).ToList();
        var endpoints = RichSample.MxInOrder.Append(RichSample.Submission).ToList();
        foreach (var e in endpoints)
            Assert.Single(lines, l => l.StartsWith($"{RichSample.Label(e)} {e.Status.ToToken()} ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("nullmx.example (mx) null-mx error", StringComparison.Ordinal));
        Assert.Equal("dnssec: validated from trust anchors", lines[^1]);
        Assert.Equal(endpoints.Count + 2, lines.Count);
    }

    [Fact]
    public void Summary_names_the_worst_problem()
    {
        var summary = FirstLine.Match(Lines(NagiosFormatter.Format(RichSample.Build()))[0]).Groups["summary"].Value;
        Assert.Equal($"5 endpoints: 3 ok, 1 warning, 1 critical, 1 target problems; worst: {RichSample.Label(RichSample.Mx1V6)} tlsa-mismatch",
            summary);
    }

    [Fact]
    public void Global_timeout_says_unknown_and_why()
    {
        var report = OneEndpoint(F(StatusToken.TlsaMismatch, Severity.Error)) with
        {
            Completion = RunCompletion.GlobalTimeout,
            Settings = new ReportSettings(TimeSpan.FromDays(7), TimeSpan.Zero, TimeSpan.FromSeconds(20)),
        };
        Assert.StartsWith("SMTPDANE UNKNOWN - global timeout (20s) fired: results are incomplete; 1 endpoints:",
            NagiosFormatter.Format(report), StringComparison.Ordinal);
        Assert.Equal(3, ExitCodes.Map(report, OutputMode.Nagios));
    }

    [Fact]
    public void Never_coloured_and_a_pipe_in_text_cannot_start_perfdata_early()
    {
        var report = OneEndpoint(F(StatusToken.SmtpFailed, Severity.Error, "554 go away | fake=1 \u001b[31m"));
        var output = NagiosFormatter.Format(report);
        Assert.DoesNotContain('\u001b', output);
        Assert.Equal(1, output.Count(c => c == '|'));
        Assert.Matches(FirstLine, Lines(output)[0]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("with space", "'with space'")]
    [InlineData("a=b", "'a=b'")]
    [InlineData("it's", "'it''s'")]
    public void Labels_are_quoted_when_needed(string label, string expected) =>
        Assert.Equal(expected, PerfDatum.QuoteLabel(label));

    [Fact]
    public void Trailing_empty_perfdata_fields_are_dropped() =>
        Assert.Equal("x=3s", new PerfDatum("x", "3", "s").ToString());

    [Fact]
    public void Usage_error_line_is_unknown()
    {
        var line = NagiosFormatter.FormatUsageError("unknown flag -frob | x");
        Assert.Equal("SMTPDANE UNKNOWN - usage error: unknown flag -frob / x\n", line);
    }
}
