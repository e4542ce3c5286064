using SmtpDane.Dns;
using SmtpDane.Dns.Transport;
using SmtpDane.Dns.ZoneFile;
using SmtpDane.Dnssec;
using SmtpDane.Dnssec.Chain;

namespace SmtpDane.Cli;

/// <summary>Builds the DNS side from the options: resolver configuration (-resolver &gt; DNS_RESOLVER &gt;
/// /etc/resolv.conf, never a public fallback) and where trust comes from (-dnssec, -trust-anchor).</summary>
internal static class DnsLookupFactory
{
    /// <param name="clock">The validation clock (-at or the real one).</param>
    /// <param name="trace">The -debug sink, or null.</param>
    public static IDnsLookup Create(ProbeOptions options, TimeProvider clock, Action<string>? trace)
    {
        var trust = options.Dnssec == DnssecMode.Resolver ? TrustSource.ResolverAdBit : TrustSource.Validated;
        // Read the anchors first: a bad -trust-anchor file is a usage error even when no resolver is configured.
        var anchors = options.Dnssec == DnssecMode.Validate ? LoadAnchors(options.TrustAnchorFile) : null;
        if (!ResolverConfigurationBuilder.TryLoad(options.Resolvers, out var config, out var error))
            return new UnconfiguredLookup(error!.ToProblem(), trust);
        IDnsTransport transport = new DnsTransport(config);
        if (trace is not null) transport = new TracingTransport(transport, trace, TimeProvider.System);
        if (options.Dnssec == DnssecMode.Resolver) return new AdBitLookup(transport, clock);

        // dane-rules.md §2: ask with DO=1 and CD=1 and judge every signature here.
        return new ValidatingLookup(transport, anchors!, () => clock.GetUtcNow());
    }

    /// <summary>The built-in IANA root anchors, or the DS/DNSKEY records of -trust-anchor FILE, which replace
    /// them entirely (cli.md).</summary>
    private static TrustAnchors LoadAnchors(string? path)
    {
        if (path is null) return TrustAnchors.BuiltIn;
        try
        {
            return TrustAnchors.FromRecords(ZoneFileLoader.Load(path))
                ?? throw new UsageException($"-trust-anchor {path}: no DS or non-revoked DNSKEY record in the file");
        }
        catch (ZoneFileException e)
        {
            throw new UsageException($"-trust-anchor: {e.Message}");
        }
    }
}
