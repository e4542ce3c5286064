using SmtpDane.Output;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;
using static SmtpDane.Tests.Output.Sample;

namespace SmtpDane.Tests.Output;

public class ExitCodesTests
{
    private static readonly Dictionary<string, ProbeReport> Scenarios = new()
    {
        ["every endpoint passes"] = OneEndpoint(),
        ["one endpoint warns"] = Report(Host("a.example",
            Endpoint("a.example", "192.0.2.1"),
            Endpoint("a.example", "192.0.2.2", findings: F(StatusToken.CertExpiring, Severity.Warning)))),
        ["one endpoint errs, another warns"] = Report(Host("a.example",
            Endpoint("a.example", "192.0.2.1", findings: F(StatusToken.TlsaMismatch, Severity.Error)),
            Endpoint("a.example", "192.0.2.2", findings: F(StatusToken.CertExpiring, Severity.Warning)))),
        ["target-level error without endpoints"] = Report(
            Target("example.org", TargetKind.Mx, [], F(StatusToken.NullMx, Severity.Error))),
        ["target-level warning with passing endpoints"] = Report(
            Target("example.org", TargetKind.Mx, [Endpoint("mx.example.org", "192.0.2.1", preference: 10)],
                F(StatusToken.RrsigExpiring, Severity.Warning))),
        ["global timeout although everything seen passed"] = OneEndpoint() with { Completion = RunCompletion.GlobalTimeout },
        ["global timeout with an error seen"] = OneEndpoint(F(StatusToken.TlsaMismatch, Severity.Error))
            with { Completion = RunCompletion.GlobalTimeout },
        ["no targets at all"] = Report(),
        ["no target could be judged"] = Report(
            Target("example.org", TargetKind.Mx, [], F(StatusToken.DnsFailed, Severity.Error)) with
                { Judgement = TargetJudgement.NotJudged }),
        ["one target judged ok, another not judged"] = Report(
            Host("a.example", Endpoint("a.example", "192.0.2.1")),
            Target("b.example", TargetKind.Host, [], F(StatusToken.DnsFailed, Severity.Error)) with
                { Judgement = TargetJudgement.NotJudged }),
        ["ok-severity non-pass finding (dane not applicable)"] = OneEndpoint(F(StatusToken.DaneNotApplicable, Severity.Ok)),
    };

    [Theory]
    // description, mode, expected exit code (cli.md "Exit codes")
    [InlineData("every endpoint passes", OutputMode.Text, 0)]
    [InlineData("every endpoint passes", OutputMode.Json, 0)]
    [InlineData("every endpoint passes", OutputMode.Nagios, 0)]
    [InlineData("one endpoint warns", OutputMode.Text, 1)]
    [InlineData("one endpoint warns", OutputMode.Json, 1)]
    [InlineData("one endpoint warns", OutputMode.Nagios, 1)]
    [InlineData("one endpoint errs, another warns", OutputMode.Text, 1)]
    [InlineData("one endpoint errs, another warns", OutputMode.Json, 1)]
    [InlineData("one endpoint errs, another warns", OutputMode.Nagios, 2)]
    [InlineData("target-level error without endpoints", OutputMode.Text, 1)]
    [InlineData("target-level error without endpoints", OutputMode.Nagios, 2)]
    [InlineData("target-level warning with passing endpoints", OutputMode.Text, 1)]
    [InlineData("target-level warning with passing endpoints", OutputMode.Nagios, 1)]
    [InlineData("global timeout although everything seen passed", OutputMode.Text, 1)]
    [InlineData("global timeout although everything seen passed", OutputMode.Json, 1)]
    [InlineData("global timeout although everything seen passed", OutputMode.Nagios, 3)]
    [InlineData("global timeout with an error seen", OutputMode.Nagios, 3)]
    [InlineData("global timeout with an error seen", OutputMode.Text, 1)]
    [InlineData("no targets at all", OutputMode.Nagios, 3)]
    [InlineData("no targets at all", OutputMode.Text, 1)]
    [InlineData("no target could be judged", OutputMode.Nagios, 3)]
    [InlineData("no target could be judged", OutputMode.Text, 1)]
    [InlineData("one target judged ok, another not judged", OutputMode.Nagios, 2)]
    [InlineData("ok-severity non-pass finding (dane not applicable)", OutputMode.Text, 0)]
    [InlineData("ok-severity non-pass finding (dane not applicable)", OutputMode.Nagios, 0)]
    public void Map_follows_the_cli_table(string scenario, OutputMode mode, int expected) =>
        Assert.Equal(expected, ExitCodes.Map(Scenarios[scenario], mode));

    [Theory]
    [InlineData(MonitorState.Ok, OutputMode.Text, 0)]
    [InlineData(MonitorState.Warning, OutputMode.Text, 1)]
    [InlineData(MonitorState.Critical, OutputMode.Text, 1)]
    [InlineData(MonitorState.Unknown, OutputMode.Text, 1)]
    [InlineData(MonitorState.Ok, OutputMode.Json, 0)]
    [InlineData(MonitorState.Warning, OutputMode.Json, 1)]
    [InlineData(MonitorState.Critical, OutputMode.Json, 1)]
    [InlineData(MonitorState.Unknown, OutputMode.Json, 1)]
    [InlineData(MonitorState.Ok, OutputMode.Nagios, 0)]
    [InlineData(MonitorState.Warning, OutputMode.Nagios, 1)]
    [InlineData(MonitorState.Critical, OutputMode.Nagios, 2)]
    [InlineData(MonitorState.Unknown, OutputMode.Nagios, 3)]
    public void Every_state_and_mode_has_its_code(MonitorState state, OutputMode mode, int expected) =>
        Assert.Equal(expected, ExitCodes.Map(state, mode));

    [Theory]
    [InlineData(OutputMode.Text, 2)]
    [InlineData(OutputMode.Json, 2)]
    [InlineData(OutputMode.Nagios, 3)]
    public void Usage_errors_are_2_or_unknown_in_nagios(OutputMode mode, int expected) =>
        Assert.Equal(expected, ExitCodes.ForUsageError(mode));
}
