using SmtpDane.Output;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;
using static SmtpDane.Tests.Output.Sample;

namespace SmtpDane.Tests.Output;

public class TextFormatterTests
{
    private const char Esc = '\u001b';

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string TerseLine(EndpointReport e, Finding lead) =>
        $"{RichSample.Label(e)} {lead.Token.ToToken()} {lead.Severity.ToToken()} {lead.Message}";

    [Fact]
    public void Output_does_not_depend_on_completion_order_in_any_mode()
    {
        var variants = new[]
        {
            FormatOptions.Plain, new FormatOptions(Terse: true), new FormatOptions(Quiet: true),
            new FormatOptions(Color: true), new FormatOptions(Terse: true, Quiet: true),
        };
        var reference = RichSample.Build(RichSample.MxInOrder);
        foreach (var order in RichSample.Permutations(RichSample.MxInOrder))
        {
            var shuffled = RichSample.Build(order);
            foreach (var o in variants)
                Assert.Equal(TextFormatter.Format(reference, o), TextFormatter.Format(shuffled, o));
        }
    }

    [Fact]
    public void Endpoint_blocks_follow_the_stable_order_with_bracketed_ipv6()
    {
        var headers = Lines(TextFormatter.Format(RichSample.Build(), FormatOptions.Plain).Stdout)
            .Where(l => l.StartsWith('[')).ToList();
        var expected = RichSample.MxInOrder.Append(RichSample.Submission)
            .Select(e => $"[{RichSample.Label(e)}] {e.Status.ToToken()} {e.Severity.ToToken()}").ToList();
        Assert.Equal(expected, headers);
        Assert.Contains("[mx1.example.org [2001:db8::1]:25] tlsa-mismatch error", headers);
    }

    [Fact]
    public void Without_colour_there_is_no_escape_byte_even_when_network_text_carries_one()
    {
        var hostile = OneEndpoint(F(StatusToken.BannerFailed, Severity.Error, "220 evil\u001b[2J\u001b]0;pwned\u0007 banner\nforged line"));
        foreach (var o in new[] { FormatOptions.Plain, new FormatOptions(Terse: true), new FormatOptions(Quiet: true) })
        {
            var text = TextFormatter.Format(hostile, o);
            Assert.DoesNotContain(Esc, text.Stdout + text.Summary);
            Assert.DoesNotContain("\nforged line", text.Stdout, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(Esc, TextFormatter.Format(RichSample.Build(), FormatOptions.Plain).Stdout);
    }

    [Fact]
    public void Colour_paints_ok_green_warning_yellow_error_red()
    {
        var lines = Lines(TextFormatter.Format(RichSample.Build(), new FormatOptions(Color: true, Terse: true)).Stdout);
        string LineFor(EndpointReport e) => lines.Single(l => l.StartsWith(RichSample.Label(e) + " "));
        Assert.Contains("\u001b[32mpass ok\u001b[0m", LineFor(RichSample.Mx1V4), StringComparison.Ordinal);
        Assert.Contains("\u001b[33mcert-expiring warning\u001b[0m", LineFor(RichSample.Mx2V6), StringComparison.Ordinal);
        Assert.Contains("\u001b[31mtlsa-mismatch error\u001b[0m", LineFor(RichSample.Mx1V6), StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_cannot_inject_escapes_even_with_colour_on()
    {
        var hostile = OneEndpoint(F(StatusToken.BannerFailed, Severity.Error, "x\u001b[32m fake pass"));
        var stdout = TextFormatter.Format(hostile, new FormatOptions(Color: true)).Stdout;
        Assert.DoesNotContain("\u001b[32m fake", stdout, StringComparison.Ordinal);
        Assert.Contains("x\\x1b[32m fake pass", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Terse_gives_exactly_one_line_per_endpoint_plus_one_per_target_problem()
    {
        var lines = Lines(TextFormatter.Format(RichSample.Build(), new FormatOptions(Terse: true)).Stdout);
        var expected = new List<string>
        {
            TerseLine(RichSample.Mx1V4, RichSample.Mx1V4.Findings[0]),
            TerseLine(RichSample.Mx1V6, RichSample.Mismatch),
            TerseLine(RichSample.Mx2V4, RichSample.Mx2V4.Findings[0]),
            TerseLine(RichSample.Mx2V6, RichSample.Expiring),
            $"nullmx.example (mx) null-mx error {RichSample.NullMx.Message}",
            TerseLine(RichSample.Submission, RichSample.Submission.Findings[0]),
        };
        Assert.Equal(expected, lines);
    }

    [Fact]
    public void Quiet_shows_warnings_and_errors_and_hides_ok_endpoints()
    {
        var stdout = TextFormatter.Format(RichSample.Build(), new FormatOptions(Quiet: true)).Stdout;
        Assert.Contains($"[{RichSample.Label(RichSample.Mx2V6)}] cert-expiring warning", stdout, StringComparison.Ordinal);
        Assert.Contains($"[{RichSample.Label(RichSample.Mx1V6)}] tlsa-mismatch error", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(RichSample.Label(RichSample.Mx1V4), stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(RichSample.Label(RichSample.Mx2V4), stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(RichSample.Label(RichSample.Submission), stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("host.example:587", stdout, StringComparison.Ordinal);     // an all-OK target has no block
        Assert.Contains("== nullmx.example (mx): null-mx error ==", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_terse_keeps_only_problem_lines()
    {
        var lines = Lines(TextFormatter.Format(RichSample.Build(), new FormatOptions(Terse: true, Quiet: true)).Stdout);
        Assert.Equal(
            [TerseLine(RichSample.Mx1V6, RichSample.Mismatch), TerseLine(RichSample.Mx2V6, RichSample.Expiring),
             $"nullmx.example (mx) null-mx error {RichSample.NullMx.Message}"],
            lines);
    }

    [Fact]
    public void Quiet_run_with_nothing_wrong_prints_nothing_at_all()
    {
        var text = TextFormatter.Format(OneEndpoint(), new FormatOptions(Quiet: true));
        Assert.Equal("", text.Stdout);
        Assert.Equal("", text.Summary);
    }

    [Fact]
    public void Summary_line_counts_endpoints_by_severity()
    {
        var summary = TextFormatter.Format(RichSample.Build(), FormatOptions.Plain).Summary;
        Assert.Equal("5 endpoints: 3 ok, 1 warning, 1 error; 1 target problems\n", summary);
        Assert.Equal("1 endpoints: 1 ok, 0 warning, 0 error\n", TextFormatter.Format(OneEndpoint(), FormatOptions.Plain).Summary);
    }

    [Fact]
    public void Target_block_carries_target_level_findings_and_dns_facts()
    {
        var stdout = TextFormatter.Format(RichSample.Build(), FormatOptions.Plain).Stdout;
        Assert.Contains($"  error null-mx: {RichSample.NullMx.Message}\n", stdout, StringComparison.Ordinal);
        var mx = RichSample.MxFact;
        Assert.Contains($"  dns {mx.QueryName} {mx.QueryType}: secure -> {string.Join(", ", mx.Answers)}; RRSIG expires 2026-12-11T12:00:00Z\n", stdout, StringComparison.Ordinal);
        // The MX target is as bad as its worst endpoint.
        Assert.Contains("== example.org (mx): tlsa-mismatch error ==", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_block_shows_dns_tls_tlsa_and_findings()
    {
        var stdout = TextFormatter.Format(RichSample.Build(), FormatOptions.Plain).Stdout;
        var tls = RichSample.Tls;
        Assert.Contains($"  tls: {tls.Version}, {tls.CipherSuite}, group {tls.Group}, signature {tls.SignatureScheme}\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"  chain: {tls.ChainSummary[0]}\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"  ocsp: {tls.OcspStatus}\n", stdout, StringComparison.Ordinal);
        var tlsa = RichSample.Tlsa;
        Assert.Contains($"  tlsa: {tlsa.OwnerName} (base domain {tlsa.BaseDomain})\n", stdout, StringComparison.Ordinal);
        foreach (var r in tlsa.Records) Assert.Contains($"  tlsa {r.Record}: {r.Outcome}\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"  matched: {tlsa.Match!.Record} at depth {tlsa.Match.Depth}\n", stdout, StringComparison.Ordinal);
        var bogus = RichSample.BogusTlsa;
        Assert.Contains($"  dns {bogus.QueryName} TLSA: bogus ({bogus.Reason}, EDE {bogus.EdeCode})\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"  error tlsa-mismatch: {RichSample.Mismatch.Message}\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  preference: 10\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Trust_source_is_stated_in_the_default_output()
    {
        var report = OneEndpoint() with { Trust = TrustMode.ResolverAdBit };
        Assert.StartsWith("dnssec: delegated to resolver AD bit\n", TextFormatter.Format(report, FormatOptions.Plain).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Global_timeout_is_announced_even_in_quiet_mode()
    {
        var report = OneEndpoint() with
        {
            Completion = RunCompletion.GlobalTimeout,
            Settings = new ReportSettings(TimeSpan.FromDays(7), TimeSpan.Zero, TimeSpan.FromSeconds(30)),
        };
        var text = TextFormatter.Format(report, new FormatOptions(Quiet: true));
        Assert.StartsWith("global timeout (30s) fired: results are incomplete\n", text.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("; global timeout\n", text.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_details_are_printed_when_the_report_carries_them()
    {
        var pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        var report = Report(Host("a.example", Endpoint("a.example", "192.0.2.1") with
        {
            CertificateInfo = ["subject CN=a.example"], ChainPem = pem,
        }));
        var stdout = TextFormatter.Format(report, FormatOptions.Plain).Stdout;
        Assert.Contains("  cert: subject CN=a.example\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  -----BEGIN CERTIFICATE-----\n  MIIB\n  -----END CERTIFICATE-----\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("cert:", TextFormatter.Format(report, new FormatOptions(Terse: true)).Stdout, StringComparison.Ordinal);
    }
}
