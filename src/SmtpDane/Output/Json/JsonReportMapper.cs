using SmtpDane.Probe;
using SmtpDane.Probe.Report;

namespace SmtpDane.Output.Json;

/// <summary>Maps the report model onto the JSON DTOs: enums become their stable tokens, addresses and times
/// become strings, endpoints and DNS facts come in the same stable order as in the text output.</summary>
public static class JsonReportMapper
{
    /// <summary>Bump when a field is removed or changes meaning; adding fields does not bump it.</summary>
    public const int SchemaVersion = 1;

    public static JsonReport Map(ProbeReport r)
    {
        var state = MonitorStates.Of(r);
        var c = ReportCounts.Of(r);
        return new JsonReport(
            SchemaVersion,
            r.ToolVersion,
            state.ToText(),
            ExitCodes.Map(state, OutputMode.Json),
            r.Trust.ToToken(),
            r.Completion.ToToken(),
            DnsFactLine.Timestamp(r.StartedAt),
            DnsFactLine.Timestamp(r.JudgedAt),
            Seconds(r.Elapsed),
            new JsonSummary(c.Endpoints, c.Ok, c.Warning, c.Error, c.TargetProblems,
                ExpiryDays.Certificates(r), ExpiryDays.Signatures(r)),
            r.Targets.Select(t => Target(t, r.JudgedAt)).ToList());
    }

    private static JsonTarget Target(TargetReport t, DateTimeOffset now) => new(
        t.Target,
        t.Kind.ToText(),
        t.Status.ToToken(),
        t.Severity.ToToken(),
        t.Judgement.ToToken(),
        Findings(t.Findings),
        Dns(t.Dns),
        t.OrderedEndpoints.Select(e => Endpoint(e, now)).ToList());

    private static JsonEndpoint Endpoint(EndpointReport e, DateTimeOffset now) => new(
        e.Host,
        e.Address.ToString(),
        e.Port,
        e.Preference,
        e.Status.ToToken(),
        e.Severity.ToToken(),
        Findings(e.Findings),
        Dns(e.Dns),
        e.Tls is { } tls
            ? new JsonTls(tls.Version, tls.CipherSuite, tls.Group, tls.SignatureScheme, tls.ChainSummary, tls.OcspStatus)
            : null,
        e.Tlsa is { } tlsa
            ? new JsonTlsa(tlsa.BaseDomain, tlsa.OwnerName,
                tlsa.Records.Select(x => new JsonTlsaRecord(x.Record, x.Outcome)).ToList(),
                tlsa.Match is { } m ? new JsonTlsaMatch(m.Record, m.Depth) : null)
            : null,
        Seconds(e.Elapsed),
        e.CertificateExpiry is { } exp ? DnsFactLine.Timestamp(exp) : null,
        e.CertificateExpiry is { } x2 ? ExpiryDays.DaysLeft(x2, now) : null,
        e.CertificateInfo,
        e.ChainPem);

    private static List<JsonFinding> Findings(IEnumerable<Finding> findings) =>
        findings.Select(f => new JsonFinding(f.Token.ToToken(), f.Severity.ToToken(), f.Message)).ToList();

    private static List<JsonDnsFact> Dns(IEnumerable<DnsFact> facts) =>
        DnsFactLine.Ordered(facts).Select(f => new JsonDnsFact(
            f.QueryName, f.QueryType, f.Security.ToToken(), f.Denial.ToToken(), f.Reason, f.EdeCode,
            f.EarliestRrsigExpiry is { } x ? DnsFactLine.Timestamp(x) : null,
            f.Answers)).ToList();

    /// <summary>Milliseconds resolution is all a reader needs, and it keeps the numbers short.</summary>
    private static double Seconds(TimeSpan t) => Math.Round(t.TotalSeconds, 3);
}
