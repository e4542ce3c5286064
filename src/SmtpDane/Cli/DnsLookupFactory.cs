using SmtpDane.Dns;
using SmtpDane.Dns.Transport;

namespace SmtpDane.Cli;

/// <summary>Builds the DNS side from the options: resolver configuration (-resolver &gt; DNS_RESOLVER &gt;
/// /etc/resolv.conf, never a public fallback) and the trust mode (-dnssec).</summary>
internal static class DnsLookupFactory
{
    public static IDnsLookup Create(ProbeOptions options, Action<string>? trace)
    {
        var trust = options.Dnssec == DnssecMode.Resolver ? TrustSource.ResolverAdBit : TrustSource.Validated;
        if (!ResolverConfigurationBuilder.TryLoad(options.Resolvers, out var config, out var error))
            return new UnconfiguredLookup(error!.ToProblem(), trust);
        var transport = new DnsTransport(config);
        return new UnconfiguredLookup(DnsProblem.Of(DnsProblemKind.NoResolverConfigured, "DNS lookups are not wired into this build yet"), trust);
    }
}
