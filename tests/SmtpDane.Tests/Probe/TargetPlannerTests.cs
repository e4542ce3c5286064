using SmtpDane.Dns;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;
using static SmtpDane.Tests.Probe.FakeAnswers;

namespace SmtpDane.Tests.Probe;

public class TargetPlannerTests
{
    [Fact]
    public void Secure_mx_lists_every_preference_lowest_first_and_each_host_once()
    {
        var mx = Secure("example.org", RecordType.MX, Mx(20, "mx2.example.org"), Mx(10, "mx1.example.org"), Mx(30, "MX1.example.org"));
        var plan = TargetPlanner.PlanMx(N("example.org"), null, 25, mx);
        Assert.Empty(plan.Findings);
        Assert.Equal(["mx1.example.org", "mx2.example.org"], plan.Hosts.Select(h => h.Display));
        Assert.Equal([10, 20], plan.Hosts.Select(h => h.Preference ?? -1));
        Assert.All(plan.Hosts, h => Assert.Equal(25, h.Port));
    }

    [Fact]
    public void Target_port_overrides_the_default_port()
    {
        var plan = TargetPlanner.PlanMx(N("example.org"), 2525, 25, Secure("example.org", RecordType.MX, Mx(10, "mx.example.org")));
        Assert.Equal(2525, plan.Hosts.Single().Port);
    }

    [Fact]
    public void Insecure_mx_is_an_error_and_its_hosts_are_still_probed()
    {
        var plan = TargetPlanner.PlanMx(N("example.org"), null, 25, With("example.org", RecordType.MX, SecurityStatus.Insecure, Mx(10, "mx.example.org")));
        Assert.Equal(StatusToken.MxInsecure, Assert.Single(plan.Findings).Token);
        Assert.Equal(Severity.Error, plan.Findings[0].Severity);
        Assert.Single(plan.Hosts);
    }

    [Theory]
    [InlineData(SecurityStatus.Bogus, DnsProblemKind.DnssecBogus, StatusToken.DnssecBogus, TargetJudgement.Judged)]
    [InlineData(SecurityStatus.Indeterminate, DnsProblemKind.ServerFailure, StatusToken.DnsFailed, TargetJudgement.Judged)]
    [InlineData(SecurityStatus.Indeterminate, DnsProblemKind.Timeout, StatusToken.DnsFailed, TargetJudgement.NotJudged)]
    [InlineData(SecurityStatus.Indeterminate, DnsProblemKind.NoResolverConfigured, StatusToken.DnsFailed, TargetJudgement.NotJudged)]
    public void Failed_mx_lookups_are_failures_never_absence(SecurityStatus security, DnsProblemKind kind, StatusToken token, TargetJudgement judgement)
    {
        var plan = TargetPlanner.PlanMx(N("example.org"), null, 25, Failed("example.org", RecordType.MX, security, kind));
        Assert.Empty(plan.Hosts);
        Assert.Equal(token, Assert.Single(plan.Findings).Token);
        Assert.Equal(judgement, plan.Judgement);
    }

    [Fact]
    public void Null_mx_accepts_no_mail()
    {
        var plan = TargetPlanner.PlanMx(N("example.org"), null, 25, Secure("example.org", RecordType.MX, Mx(0, ".")));
        Assert.Empty(plan.Hosts);
        Assert.Equal(StatusToken.NullMx, Assert.Single(plan.Findings).Token);
    }

    [Fact]
    public void Null_mx_beside_real_mx_is_reported_and_the_real_ones_probed()
    {
        var plan = TargetPlanner.PlanMx(N("example.org"), null, 25, Secure("example.org", RecordType.MX, Mx(0, "."), Mx(10, "mx.example.org")));
        Assert.Equal(StatusToken.NullMx, Assert.Single(plan.Findings).Token);
        Assert.Equal("mx.example.org", Assert.Single(plan.Hosts).Display);
    }

    [Fact]
    public void No_mx_records_is_an_error_and_the_implicit_mx_is_probed()
    {
        var plan = TargetPlanner.PlanMx(N("example.org"), null, 25, Denied("example.org", RecordType.MX));
        Assert.Equal((StatusToken.NoMx, Severity.Error), (plan.Findings[0].Token, plan.Findings[0].Severity));
        Assert.Equal("example.org", Assert.Single(plan.Hosts).Display);
    }

    [Fact]
    public void Nonexistent_domain_has_no_hosts()
    {
        var plan = TargetPlanner.PlanMx(N("example.org"), null, 25, Denied("example.org", RecordType.MX, DenialKind.NxDomain));
        Assert.Empty(plan.Hosts);
        Assert.Equal(StatusToken.NoMx, Assert.Single(plan.Findings).Token);
    }

    [Fact]
    public void Srv_ports_apply_unless_the_target_names_one()
    {
        var srv = Secure("_submission._tcp.example.org", RecordType.SRV, Srv(0, 587, "smtp.example.org"), Srv(10, 2587, "backup.example.org"));
        var plan = TargetPlanner.PlanSrv(N("_submission._tcp.example.org"), null, srv);
        Assert.Equal([("smtp.example.org", 587), ("backup.example.org", 2587)], plan.Hosts.Select(h => (h.Display, h.Port)));
        var overridden = TargetPlanner.PlanSrv(N("_submission._tcp.example.org"), 465, srv);
        Assert.All(overridden.Hosts, h => Assert.Equal(465, h.Port));
    }

    [Fact]
    public void Srv_target_dot_means_not_offered()
    {
        var plan = TargetPlanner.PlanSrv(N("_submission._tcp.example.org"), null, Secure("_submission._tcp.example.org", RecordType.SRV, Srv(0, 0, ".")));
        Assert.Empty(plan.Hosts);
        Assert.Equal(StatusToken.SrvNotOffered, Assert.Single(plan.Findings).Token);
    }

    [Fact]
    public void Insecure_srv_has_its_own_token()
    {
        var plan = TargetPlanner.PlanSrv(N("_submission._tcp.example.org"), null,
            With("_submission._tcp.example.org", RecordType.SRV, SecurityStatus.Insecure, Srv(0, 587, "smtp.example.org")));
        Assert.Equal(StatusToken.SrvInsecure, Assert.Single(plan.Findings).Token);
        Assert.Single(plan.Hosts);
    }
}
