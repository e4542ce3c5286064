using System.Net;
using SmtpDane.Cli;
using SmtpDane.Dns;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;
using SmtpDane.Smtp;
using static SmtpDane.Tests.Probe.FakeAnswers;

namespace SmtpDane.Tests.Probe;

public class EndpointJudgeTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-04T12:00:00Z");
    private static readonly IPAddress Addr = IPAddress.Parse("192.0.2.1");

    private static JudgeSettings Settings(TimeSpan rrsigWarning) =>
        new(Now, TimeSpan.FromDays(7), rrsigWarning, false, false, false, []);

    private static SmtpProbeResult Refused => new() { Outcome = SmtpProbeOutcome.ConnectFailed, Phase = SmtpPhase.Connect, Detail = "refused" };

    private static DnsAnswer SignedUntil(string name, RecordType type, DateTimeOffset expiry, params IRData[] data) =>
        Secure(name, type, data) with { EarliestSignatureExpiry = expiry };

    private static EndpointContext Context(DnsAnswer a, DnsAnswer tlsa)
    {
        var host = new HostPlan(N("mx.example.org"), null, 10, 25);
        var addresses = AddressJudge.Decide(N("mx.example.org"), a, Denied("mx.example.org", RecordType.AAAA), AddressFamilyFilter.Any);
        return new EndpointContext(host, "example.org", addresses, TlsaJudge.Decide(N("mx.example.org"), tlsa, null, null), []);
    }

    [Fact]
    public void With_insecure_addresses_tlsa_findings_are_not_added_on_top()
    {
        var a = With("mx.example.org", RecordType.A, SecurityStatus.Insecure, Ip("192.0.2.1"));
        var ctx = Context(a, Denied("_25._tcp.mx.example.org", RecordType.TLSA));
        var report = EndpointJudge.Judge(ctx, Addr, Refused, Settings(TimeSpan.FromHours(72)));
        Assert.Equal(StatusToken.DnssecInsecure, report.Status);
        Assert.DoesNotContain(report.Findings, f => f.Token == StatusToken.TlsaAbsent);
    }

    [Fact]
    public void An_rrsig_expiring_within_the_threshold_is_a_warning()
    {
        var ctx = Context(SignedUntil("mx.example.org", RecordType.A, Now.AddHours(30), Ip("192.0.2.1")),
            Denied("_25._tcp.mx.example.org", RecordType.TLSA));
        var report = EndpointJudge.Judge(ctx, Addr, Refused, Settings(TimeSpan.FromHours(72)));
        var f = Assert.Single(report.Findings, f => f.Token == StatusToken.RrsigExpiring);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("30 hours", f.Message);
    }

    [Fact]
    public void No_rrsig_warning_outside_the_threshold_or_when_disabled()
    {
        var ctx = Context(SignedUntil("mx.example.org", RecordType.A, Now.AddHours(30), Ip("192.0.2.1")),
            Denied("_25._tcp.mx.example.org", RecordType.TLSA));
        Assert.DoesNotContain(EndpointJudge.Judge(ctx, Addr, Refused, Settings(TimeSpan.FromHours(24))).Findings, f => f.Token == StatusToken.RrsigExpiring);
        Assert.DoesNotContain(EndpointJudge.Judge(ctx, Addr, Refused, Settings(TimeSpan.Zero)).Findings, f => f.Token == StatusToken.RrsigExpiring);
    }

    [Fact]
    public void An_rrsig_already_expired_at_the_judged_time_is_bogus_even_with_the_warning_disabled()
    {
        var ctx = Context(SignedUntil("mx.example.org", RecordType.A, Now.AddHours(-1), Ip("192.0.2.1")),
            Denied("_25._tcp.mx.example.org", RecordType.TLSA));
        var report = EndpointJudge.Judge(ctx, Addr, Refused, Settings(TimeSpan.Zero));
        var f = Assert.Single(report.Findings, f => f.Token == StatusToken.DnssecBogus);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains("expired", f.Message);
    }

    [Fact]
    public void A_failed_connection_is_reported_after_the_dns_facts()
    {
        var ctx = Context(Secure("mx.example.org", RecordType.A, Ip("192.0.2.1")), Denied("_25._tcp.mx.example.org", RecordType.TLSA));
        var report = EndpointJudge.Judge(ctx, Addr, Refused, Settings(TimeSpan.Zero));
        Assert.Equal([StatusToken.TlsaAbsent, StatusToken.ConnectFailed], report.Findings.Select(f => f.Token));
        Assert.Equal(StatusToken.TlsaAbsent, report.Status);
    }
}
