using System.Net;
using SmtpDane.Dns;

namespace SmtpDane.Probe;

/// <summary>One mail host to resolve and probe: its name (or an address literal), the MX preference or SRV
/// priority it came with, and the port to use (host:port &gt; SRV port &gt; -port, README).</summary>
public sealed record HostPlan(DnsName? Name, IPAddress? Literal, int? Preference, int Port)
{
    public string Display => Name?.ToString().TrimEnd('.') ?? Literal!.ToString();
}
