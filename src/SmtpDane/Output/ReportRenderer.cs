using SmtpDane.Output.Json;
using SmtpDane.Probe.Report;

namespace SmtpDane.Output;

/// <summary>The single entry point for the CLI: report + mode + options → what to print where, and the exit code.
/// Text: report on stdout, summary line on stderr. Nagios and JSON: everything on stdout, nothing on stderr
/// (Nagios reads stdout only; a JSON consumer wants one document), never coloured.</summary>
public static class ReportRenderer
{
    public static RenderedOutput Render(ProbeReport report, OutputMode mode, FormatOptions options)
    {
        int exit = ExitCodes.Map(report, mode);
        switch (mode)
        {
            case OutputMode.Text:
                var text = TextFormatter.Format(report, options);
                return new RenderedOutput(text.Stdout, text.Summary, exit);
            case OutputMode.Nagios:
                return new RenderedOutput(NagiosFormatter.Format(report), "", exit);
            case OutputMode.Json:
                return new RenderedOutput(JsonFormatter.Format(report), "", exit);
            default:
                throw new ArgumentOutOfRangeException(nameof(mode));
        }
    }
}
