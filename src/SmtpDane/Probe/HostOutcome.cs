using SmtpDane.Probe.Report;

namespace SmtpDane.Probe;

/// <summary>What probing one host produced: its endpoints, and the findings that have no endpoint to sit on
/// (no addresses, a failed address lookup, a deadline before any connection).</summary>
public sealed record HostOutcome(
    IReadOnlyList<EndpointReport> Endpoints,
    IReadOnlyList<Finding> HostFindings,
    TargetJudgement Judgement);
