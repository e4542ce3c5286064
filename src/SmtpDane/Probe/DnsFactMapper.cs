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
            .Concat(InCanonicalOrder(a.Records).Select(r => $"{r.Owner} {r.Type.ToText()} {r.Data}"))
            .ToList());

    /// <summary>Resolvers rotate RRsets (RFC 1034 leaves the order open), so every report lists records in the
    /// canonical RDATA order of RFC 4034 §6.3: the same zone gives the same output on every run.</summary>
    public static IEnumerable<ResourceRecord> InCanonicalOrder(IEnumerable<ResourceRecord> records) =>
        records.OrderBy(r => r.CanonicalRData(), CanonicalRDataComparer);

    private static readonly Comparer<byte[]> CanonicalRDataComparer =
        Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y));

    public static DnsSecurity ToReport(SecurityStatus s) => s switch
    {
        SecurityStatus.Secure => DnsSecurity.Secure,
        SecurityStatus.Insecure => DnsSecurity.Insecure,
        SecurityStatus.Bogus => DnsSecurity.Bogus,
        _ => DnsSecurity.Indeterminate,
    };
}
