using SmtpDane.Probe;
using SmtpDane.Probe.Report;

namespace SmtpDane.Output;

/// <summary>The one-line form of an endpoint or a target, shared by <c>-terse</c> and the Nagios long output:
/// <c>host address:port token severity message</c> and <c>target (kind) token severity message</c>.
/// The message is that of the finding that set the status (the first finding at the worst severity).</summary>
public static class OutcomeLine
{
    public static string Endpoint(EndpointReport e, bool color) =>
        Compose(EndpointLabel.Of(e), e.Verdict, e.Findings, color);

    /// <summary>A target's own verdict (its endpoints have lines of their own).</summary>
    public static string Target(TargetReport t, bool color) =>
        Compose(TargetLabel(t), t.OwnVerdict, t.Findings, color);

    public static string TargetLabel(TargetReport t) => TextSafe.Line(t.Target) + " (" + t.Kind.ToText() + ")";

    /// <summary>Whether a target needs a line of its own in one-line modes: its own findings are not OK, or it has
    /// no endpoint line that would otherwise show it at all.</summary>
    public static bool TargetNeedsLine(TargetReport t) =>
        t.OwnVerdict.Severity != Severity.Ok || t.Endpoints.Count == 0;

    /// <summary>The finding that explains a verdict, or null (e.g. no findings at all).</summary>
    public static Finding? Lead(IReadOnlyList<Finding> findings, Verdict verdict) =>
        findings.FirstOrDefault(f => f.Token == verdict.Status && f.Severity == verdict.Severity);

    private static string Compose(string label, Verdict verdict, IReadOnlyList<Finding> findings, bool color)
    {
        string word = Ansi.Paint(verdict.Status.ToToken() + " " + verdict.Severity.ToToken(), verdict.Severity, color);
        var lead = Lead(findings, verdict);
        return lead is null || lead.Message.Length == 0
            ? label + " " + word
            : label + " " + word + " " + TextSafe.Line(lead.Message);
    }
}
