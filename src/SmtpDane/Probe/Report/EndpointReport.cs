using System.Net;

namespace SmtpDane.Probe.Report;

/// <summary>Everything found about one <c>host address:port</c>.</summary>
/// <param name="Host">Host name as probed (the MX exchange / SRV target / typed host); for an IP literal, the literal.</param>
/// <param name="Address">The address connected to.</param>
/// <param name="Port">TCP port.</param>
/// <param name="Preference">MX preference or SRV priority; null for plain host and IP-literal targets.
/// Orders endpoints (lowest first) — see <see cref="EndpointOrder"/>.</param>
/// <param name="Findings">Every finding for this endpoint, in the order the runner recorded them.</param>
/// <param name="Dns">The host's own lookups (A/AAAA/CNAME/TLSA) that this endpoint depends on.</param>
/// <param name="Tls">Negotiated TLS facts; null when no handshake completed.</param>
/// <param name="Tlsa">TLSA records and their outcomes; null when no usable TLSA lookup happened.</param>
/// <param name="Elapsed">Wall time spent on this endpoint.</param>
/// <param name="CertificateExpiry">Earliest notAfter among the certificates that took part in the verdict
/// (Nagios <c>cert_days</c>); null when there was no verdict chain.</param>
/// <param name="CertificateInfo">Extra lines for <c>-show-cert-info</c> (empty when not requested).</param>
/// <param name="ChainPem">PEM of the served chain for <c>-showcerts</c> (null when not requested).</param>
public sealed record EndpointReport(
    string Host,
    IPAddress Address,
    int Port,
    int? Preference,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<DnsFact> Dns,
    TlsReport? Tls,
    TlsaReport? Tlsa,
    TimeSpan Elapsed,
    DateTimeOffset? CertificateExpiry,
    IReadOnlyList<string> CertificateInfo,
    string? ChainPem)
{
    /// <summary>Status and severity from <see cref="Report.Verdict.Of(IEnumerable{Finding})"/>: severity is the
    /// worst finding's severity; status the first finding at that severity; no findings → pass/ok.</summary>
    public Verdict Verdict => Verdict.Of(Findings);

    public StatusToken Status => Verdict.Status;

    public Severity Severity => Verdict.Severity;
}
