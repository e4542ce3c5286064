using SmtpDane.Output;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;
using static SmtpDane.Tests.Output.Sample;

namespace SmtpDane.Tests.Output;

public class ReportRendererTests
{
    [Theory]
    [InlineData(OutputMode.Nagios)]
    [InlineData(OutputMode.Json)]
    public void Machine_modes_write_nothing_on_stderr_and_never_colour(OutputMode mode)
    {
        var output = ReportRenderer.Render(RichSample.Build(), mode, new FormatOptions(Color: true));
        Assert.Equal("", output.Stderr);
        Assert.DoesNotContain('\u001b', output.Stdout);
        Assert.Equal(ExitCodes.Map(RichSample.Build(), mode), output.ExitCode);
    }

    [Fact]
    public void Text_mode_puts_the_summary_on_stderr()
    {
        var output = ReportRenderer.Render(OneEndpoint(F(StatusToken.CertExpiring, Severity.Warning)), OutputMode.Text, FormatOptions.Plain);
        Assert.Equal("1 endpoints: 0 ok, 1 warning, 0 error\n", output.Stderr);
        Assert.DoesNotContain("endpoints:", output.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, output.ExitCode);
    }

    [Fact]
    public void Global_timeout_report_is_unknown_in_nagios_and_1_by_default()
    {
        var report = OneEndpoint() with { Completion = RunCompletion.GlobalTimeout };
        var nagios = ReportRenderer.Render(report, OutputMode.Nagios, FormatOptions.Plain);
        Assert.StartsWith("SMTPDANE UNKNOWN - ", nagios.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, nagios.ExitCode);
        Assert.Equal(1, ReportRenderer.Render(report, OutputMode.Text, FormatOptions.Plain).ExitCode);
    }
}
