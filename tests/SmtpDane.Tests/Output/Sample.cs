using System.Net;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;

namespace SmtpDane.Tests.Output;

/// <summary>Small builders for report fixtures, so each test states only what it is about.</summary>
internal static class Sample
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static Finding F(StatusToken token, Severity severity, string message = "details") =>
        new(token, severity, message);

    public static Finding Pass(string message = "DANE-EE(3) record matched the leaf key") =>
        new(StatusToken.Pass, Severity.Ok, message);

    public static EndpointReport Endpoint(string host, string address, int port = 25, int? preference = null,
        params Finding[] findings) =>
        new(host, IPAddress.Parse(address), port, preference,
            findings.Length == 0 ? [Pass()] : findings,
            [], null, null, TimeSpan.FromMilliseconds(120), null, [], null);

    public static TargetReport Target(string target, TargetKind kind, IReadOnlyList<EndpointReport> endpoints,
        params Finding[] findings) =>
        new(target, kind, findings, [], endpoints);

    public static TargetReport Host(string host, params EndpointReport[] endpoints) =>
        Target(host, TargetKind.Host, endpoints);

    public static ProbeReport Report(params TargetReport[] targets) =>
        new(targets, T0, T0, TimeSpan.FromSeconds(1.5), TrustMode.ValidatedFromAnchors, RunCompletion.Completed,
            new ReportSettings(TimeSpan.FromDays(7), TimeSpan.FromDays(3), null), "0.1.0-test");

    /// <summary>One host target with one endpoint per finding list.</summary>
    public static ProbeReport OneEndpoint(params Finding[] findings) =>
        Report(Host("mx.example.org", Endpoint("mx.example.org", "192.0.2.1", findings: findings)));
}
