using SmtpDane.Dns;
using SmtpDane.Dns.Transport;
using SmtpDane.Output;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;
using SmtpDane.Tls;

namespace SmtpDane.Cli;

/// <summary>Runs the probe for validated options: builds the DNS side, runs the <see cref="ProbeRunner"/>
/// under the global deadline, renders the report and returns the exit code.</summary>
internal static class ProbeCommand
{
    /// <summary>How long past -timeout we wait for the runner to unwind before reporting without it. Every wait
    /// in the runner observes the deadline, so this is a safety net that keeps the promise "always exits before
    /// the deadline plus half a second" even if some I/O ignored cancellation.</summary>
    public static readonly TimeSpan UnwindGrace = TimeSpan.FromMilliseconds(300);

    public static int Run(ProbeOptions options, TextWriter stdout, TextWriter stderr)
    {
        BouncyCastleSetup.EnsureConfigured();
        var time = TimeProvider.System;
        Action<string>? trace = options.Debug ? line => stderr.WriteLine(line) : null;
        var trust = options.Dnssec == DnssecMode.Resolver ? TrustMode.ResolverAdBit : TrustMode.ValidatedFromAnchors;
        var dns = DnsLookupFactory.Create(options, options.At is { } at ? new FixedTimeProvider(at) : time, trace);
        var runner = new ProbeRunner(dns, options, time, trace);

        var started = time.GetUtcNow();
        var run = runner.RunAsync(trust, CancellationToken.None);
        ProbeReport report;
        if (run.Wait(options.Timeout + UnwindGrace)) report = run.Result;
        else report = Unfinished(options, started, time, trust);

        var rendered = ReportRenderer.Render(report, options.Output, new FormatOptions(
            Color: UseColor(options), Terse: options.Terse, Quiet: options.Quiet));
        stdout.Write(rendered.Stdout);
        if (rendered.Stderr.Length > 0) stderr.Write(rendered.Stderr);
        return rendered.ExitCode;
    }

    /// <summary>cli.md: colour only when stdout is a terminal and neither -nocolor nor NO_COLOR (no-color.org:
    /// set and not empty) says otherwise.</summary>
    private static bool UseColor(ProbeOptions options) =>
        !options.NoColor && !Console.IsOutputRedirected &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>The report when the runner did not unwind in time: every target is a timeout.</summary>
    private static ProbeReport Unfinished(ProbeOptions options, DateTimeOffset started, TimeProvider time, TrustMode trust) =>
        new(options.Targets.Select(t => new TargetReport(t.Text, TargetKind.Host,
                [new Finding(StatusToken.Timeout, Severity.Error, $"the global deadline ({GoDuration.Format(options.Timeout)}) passed")],
                [], [], TargetJudgement.NotJudged)).ToList(),
            started, options.At ?? started, time.GetUtcNow() - started, trust, RunCompletion.GlobalTimeout,
            new ReportSettings(options.ExpirationWarning, options.RrsigExpirationWarning, options.Timeout), BuildInfo.Version);
}
