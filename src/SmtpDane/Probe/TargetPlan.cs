using SmtpDane.Probe.Report;

namespace SmtpDane.Probe;

/// <summary>What a target expands to before any host is resolved: the hosts, the findings about the MX/SRV
/// RRset itself, and its DNS facts.</summary>
public sealed record TargetPlan(
    IReadOnlyList<HostPlan> Hosts,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<DnsFact> Dns,
    TargetJudgement Judgement);
