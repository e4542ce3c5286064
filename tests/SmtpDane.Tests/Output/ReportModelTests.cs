using SmtpDane.Probe;
using SmtpDane.Probe.Report;
using static SmtpDane.Tests.Output.Sample;

namespace SmtpDane.Tests.Output;

public class ReportModelTests
{
    public static TheoryData<string, Finding[], StatusToken, Severity> VerdictCases => new()
    {
        { "no findings: pass ok", [], StatusToken.Pass, Severity.Ok },
        { "only a pass", [Pass()], StatusToken.Pass, Severity.Ok },
        { "ok-severity non-pass token is kept", [F(StatusToken.DaneNotApplicable, Severity.Ok)], StatusToken.DaneNotApplicable, Severity.Ok },
        { "warning beats pass", [Pass(), F(StatusToken.CertExpiring, Severity.Warning)], StatusToken.CertExpiring, Severity.Warning },
        { "error beats warning recorded earlier", [F(StatusToken.CertExpiring, Severity.Warning), F(StatusToken.TlsaMismatch, Severity.Error)], StatusToken.TlsaMismatch, Severity.Error },
        { "first of two errors names the status", [F(StatusToken.TlsFailed, Severity.Error), F(StatusToken.OcspMissing, Severity.Error)], StatusToken.TlsFailed, Severity.Error },
    };

    [Theory]
    [MemberData(nameof(VerdictCases))]
    public void Endpoint_status_is_the_first_finding_at_the_worst_severity(string description, Finding[] findings,
        StatusToken status, Severity severity)
    {
        var e = Endpoint("mx.example", "192.0.2.1") with { Findings = findings };
        Assert.True(e.Status == status && e.Severity == severity,
            $"{description}: got {e.Status.ToToken()} {e.Severity.ToToken()}");
    }

    [Fact]
    public void Target_is_as_bad_as_its_worst_endpoint()
    {
        var t = Host("a.example",
            Endpoint("a.example", "192.0.2.1"),
            Endpoint("a.example", "192.0.2.2", findings: F(StatusToken.ConnectFailed, Severity.Error)));
        Assert.Equal((StatusToken.ConnectFailed, Severity.Error), (t.Status, t.Severity));
        Assert.Equal(Severity.Ok, t.OwnVerdict.Severity);
    }

    [Fact]
    public void Target_level_problem_names_the_target_status_when_at_least_as_bad()
    {
        var t = Target("example.org", TargetKind.Mx,
            [Endpoint("mx.example.org", "192.0.2.1", findings: F(StatusToken.CertExpiring, Severity.Warning))],
            F(StatusToken.MxInsecure, Severity.Warning));
        Assert.Equal((StatusToken.MxInsecure, Severity.Warning), (t.Status, t.Severity));
    }

    [Fact]
    public void Endpoint_order_is_preference_then_name_then_family_and_bytes_then_port()
    {
        var expected = new[]
        {
            Endpoint("b.example", "192.0.2.9", 25, 5),
            Endpoint("A.example.", "192.0.2.10", 25, 10),   // case and root dot ignored: "a.example"
            Endpoint("a.example", "192.0.2.10", 587, 10),   // same address, higher port
            Endpoint("a.example", "198.51.100.1", 25, 10),  // bytes: 192 < 198
            Endpoint("a.example", "::1", 25, 10),           // IPv6 after every IPv4
            Endpoint("a.example", "2001:db8::1", 25, 10),
            Endpoint("b.example", "192.0.2.1", 25, 10),
            Endpoint("a.example", "192.0.2.1", 25, null),   // no preference sorts last
        };
        foreach (var shuffled in RichSample.Permutations(expected.Take(6).ToList()))
        {
            var input = shuffled.Concat(expected.Skip(6).Reverse()).Reverse().ToList();
            Assert.Equal(expected, EndpointOrder.Sort(input));
        }
    }
}
