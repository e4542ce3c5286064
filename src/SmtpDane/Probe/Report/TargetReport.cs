namespace SmtpDane.Probe.Report;

/// <summary>One command-line target and everything found under it.</summary>
/// <param name="Target">The target exactly as typed (e.g. <c>example.org:587</c>, <c>[2001:db8::25]:25</c>).</param>
/// <param name="Kind">How it was interpreted.</param>
/// <param name="Findings">Target-level findings (mx-insecure, null-mx, no-mx, srv-not-offered, no-addresses,
/// dns-failed, …) in the order recorded.</param>
/// <param name="Dns">Target-level lookups (the MX or SRV RRset; for host targets the runner may leave this empty and
/// put the address lookups on the endpoints).</param>
/// <param name="Endpoints">Endpoints in any order; every output sorts them with <see cref="EndpointOrder"/>.</param>
/// <param name="Judgement">Whether a verdict could be attributed to the target (see <see cref="TargetJudgement"/>).</param>
public sealed record TargetReport(
    string Target,
    TargetKind Kind,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<DnsFact> Dns,
    IReadOnlyList<EndpointReport> Endpoints,
    TargetJudgement Judgement = TargetJudgement.Judged)
{
    /// <summary>Endpoints in the stable output order, independent of completion order.</summary>
    public IReadOnlyList<EndpointReport> OrderedEndpoints => EndpointOrder.Sort(Endpoints);

    /// <summary>The target's overall verdict by <see cref="Report.Verdict.Of(IEnumerable{ValueTuple{StatusToken, Severity}})"/>
    /// over its own findings first, then each endpoint's verdict in stable order. So the target is as bad as its
    /// worst endpoint, and a target-level problem (e.g. <c>mx-insecure</c>) names the target status when it is
    /// at least as bad as every endpoint.</summary>
    public Verdict Verdict => Verdict.Of(
        Findings.Select(f => (f.Token, f.Severity))
            .Concat(OrderedEndpoints.Select(e => (e.Status, e.Severity))));

    public StatusToken Status => Verdict.Status;

    public Severity Severity => Verdict.Severity;

    /// <summary>The target's own findings only (without its endpoints), for the target block of the text output.</summary>
    public Verdict OwnVerdict => Verdict.Of(Findings);
}
