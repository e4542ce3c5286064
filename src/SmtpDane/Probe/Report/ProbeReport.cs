namespace SmtpDane.Probe.Report;

/// <summary>The whole result of one run: the only input of every output mode and of the exit code.</summary>
/// <param name="Targets">One entry per command-line target, IN INPUT ORDER (outputs keep this order).</param>
/// <param name="StartedAt">Wall-clock start of the run.</param>
/// <param name="JudgedAt">The instant validity periods were judged at (<c>-at</c>, else the start time);
/// days-to-expiry in the perfdata are counted from here.</param>
/// <param name="Elapsed">Total run time.</param>
/// <param name="Trust">Where DNSSEC trust came from.</param>
/// <param name="Completion">Completed, or cut by the global deadline.</param>
/// <param name="Settings">Options the formatters echo (thresholds).</param>
/// <param name="ToolVersion">Version string of the binary (JSON <c>version</c>).</param>
public sealed record ProbeReport(
    IReadOnlyList<TargetReport> Targets,
    DateTimeOffset StartedAt,
    DateTimeOffset JudgedAt,
    TimeSpan Elapsed,
    TrustMode Trust,
    RunCompletion Completion,
    ReportSettings Settings,
    string ToolVersion)
{
    /// <summary>Every endpoint of every target: targets in input order, endpoints in <see cref="EndpointOrder"/>.</summary>
    public IEnumerable<EndpointReport> AllEndpoints => Targets.SelectMany(t => t.OrderedEndpoints);

    /// <summary>Every DNS fact in the report (target-level and endpoint-level).</summary>
    public IEnumerable<DnsFact> AllDnsFacts =>
        Targets.SelectMany(t => t.Dns.Concat(t.Endpoints.SelectMany(e => e.Dns)));
}
