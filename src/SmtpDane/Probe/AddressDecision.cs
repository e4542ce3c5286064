using System.Net;
using SmtpDane.Dns;
using SmtpDane.Probe.Report;

namespace SmtpDane.Probe;

/// <summary>The addresses of one host to connect to, and what the address lookups mean for DANE.</summary>
/// <param name="Addresses">After -4/-6 filtering, IPv4 first, in answer order.</param>
/// <param name="DaneApplies">False when an address answer was insecure (RFC 7672 §2.2.2: no DANE for this host).</param>
/// <param name="ExpandedName">The CNAME-expanded host name when every hop was secure (RFC 7672 §2.2.2), else null.</param>
/// <param name="Findings">Host-level findings (dns-failed, dnssec-bogus, dnssec-insecure, no-addresses).</param>
public sealed record AddressDecision(
    IReadOnlyList<IPAddress> Addresses,
    bool DaneApplies,
    DnsName? ExpandedName,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<DnsFact> Facts,
    TargetJudgement Judgement);
