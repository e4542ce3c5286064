using SmtpDane.Dns;
using SmtpDane.Probe.Report;

namespace SmtpDane.Probe;

/// <summary>Turns a DNS layer answer into the report's plain <see cref="DnsFact"/> (the report does not depend on
/// resolver types).</summary>
public static class DnsFactMapper
{
    public static DnsFact ToFact(DnsAnswer a) => new(
        a.QueryName.ToString(),
        a.QueryType.ToText(),
        ToReport(a.Security),
        a.Denial switch
        {
            DenialKind.NxDomain => DnsDenial.NxDomain,
            DenialKind.NoData => DnsDenial.NoData,
            _ => DnsDenial.None,
        },
        a.Problem?.Message,
        a.Problem?.EdeCode,
        a.EarliestSignatureExpiry,
        a.Chain.Select(h => $"{h.Owner} CNAME {h.Target}")
            // Resolvers rotate RRsets (RFC 1034 leaves the order open): list them canonically for stable output.
            .Concat(RRset.InCanonicalOrder(a.Records).Select(r => $"{r.Owner} {r.Type.ToText()} {r.Data}"))
            .ToList());

    public static DnsSecurity ToReport(SecurityStatus s) => s switch
    {
        SecurityStatus.Secure => DnsSecurity.Secure,
        SecurityStatus.Insecure => DnsSecurity.Insecure,
        SecurityStatus.Bogus => DnsSecurity.Bogus,
        _ => DnsSecurity.Indeterminate,
    };
}
