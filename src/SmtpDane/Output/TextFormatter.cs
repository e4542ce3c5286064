using System.Globalization;
using System.Text;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;

namespace SmtpDane.Output;

/// <summary>The human outputs: default blocks, <c>-terse</c> lines, <c>-quiet</c> filtering (which combines with
/// either). A pure function of the report and the options.
/// <para>Default: a line naming the DNSSEC trust source; then per target (input order) a target block
/// <c>== target (kind): status severity ==</c> with the target's own DNS facts and findings, followed by one block per
/// endpoint (stable order) headed <c>[host address:port] status severity</c> with DNS facts, TLS facts, TLSA records and
/// the match, findings (<c>severity token: message</c>), certificate details when present, and the time taken.
/// Blocks are separated by an empty line.</para>
/// <para><c>-quiet</c> keeps only targets and endpoints whose severity is warning or error — warnings are NOT
/// hidden (the original tool hid them; dane-rules.md §4).</para></summary>
public static class TextFormatter
{
    public static TextOutput Format(ProbeReport report, FormatOptions options)
    {
        var sb = new StringBuilder();
        if (report.Completion == RunCompletion.GlobalTimeout)
            AppendLine(sb, Ansi.Paint(TimeoutSentence(report), Severity.Error, options.Color));

        if (options.Terse) WriteTerse(sb, report, options);
        else WriteBlocks(sb, report, options);

        return new TextOutput(sb.ToString(), Summary(report, options));
    }

    /// <summary><c>N endpoints: N ok, N warning, N error</c>, then <c>; N target problems</c> and
    /// <c>; global timeout</c> when they apply. Empty under <c>-quiet</c> when the run is entirely OK.</summary>
    public static string Summary(ProbeReport report, FormatOptions options)
    {
        if (options.Quiet && MonitorStates.Of(report) == MonitorState.Ok) return "";
        var c = ReportCounts.Of(report);
        var s = string.Create(CultureInfo.InvariantCulture,
            $"{c.Endpoints} endpoints: {c.Ok} ok, {c.Warning} warning, {c.Error} error");
        if (c.TargetProblems > 0)
            s += string.Create(CultureInfo.InvariantCulture, $"; {c.TargetProblems} target problems");
        if (report.Completion == RunCompletion.GlobalTimeout) s += "; global timeout";
        return s + "\n";
    }

    internal static string TimeoutSentence(ProbeReport report) => report.Settings.GlobalTimeout is { } d
        ? "global timeout (" + Seconds(d) + ") fired: results are incomplete"
        : "global timeout fired: results are incomplete";

    internal static string Seconds(TimeSpan d) =>
        d.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    private static bool Shown(Severity s, FormatOptions o) => !o.Quiet || s != Severity.Ok;

    private static void WriteTerse(StringBuilder sb, ProbeReport report, FormatOptions o)
    {
        foreach (var t in report.Targets)
        {
            if (OutcomeLine.TargetNeedsLine(t) && Shown(t.OwnVerdict.Severity, o))
                AppendLine(sb, OutcomeLine.Target(t, o.Color));
            foreach (var e in t.OrderedEndpoints)
                if (Shown(e.Severity, o)) AppendLine(sb, OutcomeLine.Endpoint(e, o.Color));
        }
    }

    private static void WriteBlocks(StringBuilder sb, ProbeReport report, FormatOptions o)
    {
        var blocks = new List<string>();
        if (!o.Quiet) blocks.Add("dnssec: " + report.Trust.ToText() + "\n");
        foreach (var t in report.Targets)
        {
            if (Shown(t.Severity, o)) blocks.Add(TargetBlock(t, o));
            foreach (var e in t.OrderedEndpoints)
                if (Shown(e.Severity, o)) blocks.Add(EndpointBlock(e, o));
        }
        sb.Append(string.Join("\n", blocks));
    }

    private static string TargetBlock(TargetReport t, FormatOptions o)
    {
        var sb = new StringBuilder();
        var v = t.Verdict;
        AppendLine(sb, Ansi.Paint(
            "== " + OutcomeLine.TargetLabel(t) + ": " + v.Status.ToToken() + " " + v.Severity.ToToken() + " ==",
            v.Severity, o.Color));
        foreach (var f in DnsFactLine.Ordered(t.Dns)) Item(sb, DnsFactLine.Of(f));
        foreach (var f in t.Findings) FindingItem(sb, f, o);
        if (t.Judgement == TargetJudgement.NotJudged) Item(sb, "judgement: not judged (the failure was on the probe's side)");
        return sb.ToString();
    }

    private static string EndpointBlock(EndpointReport e, FormatOptions o)
    {
        var sb = new StringBuilder();
        AppendLine(sb, Ansi.Paint(
            "[" + EndpointLabel.Of(e) + "] " + e.Status.ToToken() + " " + e.Severity.ToToken(), e.Severity, o.Color));
        if (e.Preference is { } p) Item(sb, "preference: " + p.ToString(CultureInfo.InvariantCulture));
        foreach (var f in DnsFactLine.Ordered(e.Dns)) Item(sb, DnsFactLine.Of(f));
        if (e.Tls is { } tls) TlsItems(sb, tls);
        if (e.Tlsa is { } tlsa) TlsaItems(sb, tlsa);
        foreach (var f in e.Findings) FindingItem(sb, f, o);
        if (e.CertificateExpiry is { } exp) Item(sb, "certificates valid until: " + DnsFactLine.Timestamp(exp));
        foreach (var line in e.CertificateInfo) Item(sb, "cert: " + TextSafe.Line(line));
        if (e.ChainPem is { } pem)
            foreach (var line in pem.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                Item(sb, TextSafe.Line(line.TrimEnd('\r')));
        Item(sb, "time: " + Seconds(e.Elapsed));
        return sb.ToString();
    }

    private static void TlsItems(StringBuilder sb, TlsReport tls)
    {
        var parts = new List<string> { TextSafe.Line(tls.Version), TextSafe.Line(tls.CipherSuite) };
        if (tls.Group is not null) parts.Add("group " + TextSafe.Line(tls.Group));
        if (tls.SignatureScheme is not null) parts.Add("signature " + TextSafe.Line(tls.SignatureScheme));
        Item(sb, "tls: " + string.Join(", ", parts));
        foreach (var line in tls.ChainSummary) Item(sb, "chain: " + TextSafe.Line(line));
        if (tls.OcspStatus is not null) Item(sb, "ocsp: " + TextSafe.Line(tls.OcspStatus));
    }

    private static void TlsaItems(StringBuilder sb, TlsaReport tlsa)
    {
        Item(sb, "tlsa: " + TextSafe.Line(tlsa.OwnerName) + " (base domain " + TextSafe.Line(tlsa.BaseDomain) + ")");
        foreach (var r in tlsa.Records) Item(sb, "tlsa " + TextSafe.Line(r.Record) + ": " + TextSafe.Line(r.Outcome));
        Item(sb, tlsa.Match is { } m
            ? "matched: " + TextSafe.Line(m.Record) + " at depth " + m.Depth.ToString(CultureInfo.InvariantCulture)
            : "matched: none");
    }

    private static void FindingItem(StringBuilder sb, Finding f, FormatOptions o) =>
        Item(sb, Ansi.Paint(f.Severity.ToToken() + " " + f.Token.ToToken(), f.Severity, o.Color) + ": " +
                 TextSafe.Line(f.Message));

    private static void Item(StringBuilder sb, string line) => AppendLine(sb, "  " + line);

    private static void AppendLine(StringBuilder sb, string line) => sb.Append(line).Append('\n');
}
