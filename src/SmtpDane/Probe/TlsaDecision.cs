using SmtpDane.Dane;
using SmtpDane.Dns;
using SmtpDane.Probe.Report;

namespace SmtpDane.Probe;

/// <summary>What the TLSA lookups of one host decided.</summary>
/// <param name="BaseDomain">The TLSA base domain used (RFC 7672 §2.2.2): also the SNI name.</param>
/// <param name="Owner">The TLSA owner name whose answer decided.</param>
/// <param name="Selection">The usable/dropped split, when records were found.</param>
public sealed record TlsaDecision(
    TlsaDecisionKind Kind,
    DnsName BaseDomain,
    DnsName Owner,
    TlsaSelection? Selection,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<DnsFact> Facts);
