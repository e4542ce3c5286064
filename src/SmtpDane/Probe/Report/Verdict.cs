namespace SmtpDane.Probe.Report;

/// <summary>The status token and severity that summarise a list of outcomes.</summary>
public readonly record struct Verdict(StatusToken Status, Severity Severity)
{
    /// <summary>The one combination rule for endpoints and targets, written out:
    /// <list type="bullet">
    /// <item>severity = the worst severity among the outcomes (<see cref="SeverityExtensions.Worst"/>), Ok when there are none;</item>
    /// <item>status = the token of the FIRST outcome (in the given order) whose severity equals that worst severity,
    /// so an Ok outcome such as <c>dane-not-applicable</c> is not hidden behind "pass";</item>
    /// <item>no outcomes at all → <see cref="StatusToken.Pass"/> with <see cref="Severity.Ok"/>.</item>
    /// </list>
    /// Callers pass outcomes in a stable order (findings as recorded; endpoints in <see cref="EndpointOrder"/>),
    /// so the chosen token never depends on completion order.</summary>
    public static Verdict Of(IEnumerable<(StatusToken Token, Severity Severity)> outcomes)
    {
        var list = outcomes as IReadOnlyList<(StatusToken Token, Severity Severity)> ?? outcomes.ToList();
        var worst = Severity.Ok;
        foreach (var o in list) worst = worst.Worst(o.Severity);
        foreach (var o in list)
            if (o.Severity == worst) return new Verdict(o.Token, worst);
        return new Verdict(StatusToken.Pass, Severity.Ok);
    }

    /// <summary><see cref="Of(IEnumerable{ValueTuple{StatusToken, Severity}})"/> over findings.</summary>
    public static Verdict Of(IEnumerable<Finding> findings) => Of(findings.Select(f => (f.Token, f.Severity)));
}
