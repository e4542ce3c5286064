using SmtpDane.Dns;
using SmtpDane.Dns.Transport;
using SmtpDane.Dns.Wire;
using SmtpDane.Dns.ZoneFile;
using SmtpDane.Dnssec;
using SmtpDane.Dnssec.Chain;

namespace SmtpDane.Cli;

/// <summary>Builds the DNS side from the options: resolver configuration (-resolver &gt; DNS_RESOLVER &gt;
/// /etc/resolv.conf, never a public fallback) and the trust mode (-dnssec).</summary>
internal static class DnsLookupFactory
{
    public static IDnsLookup Create(ProbeOptions options, Action<string>? trace)
    {
        var trust = options.Dnssec == DnssecMode.Resolver ? TrustSource.ResolverAdBit : TrustSource.Validated;
        // A broken -trust-anchor file is the operator's mistake: report it as a usage error even when the
        // resolver configuration is missing too.
        var anchors = trust == TrustSource.Validated ? LoadAnchors(options.TrustAnchorFile) : null;
        if (!ResolverConfigurationBuilder.TryLoad(options.Resolvers, out var config, out var error))
            return new UnconfiguredLookup(error!.ToProblem(), trust);
        var transport = new DnsTransport(config);
        if (trust == TrustSource.ResolverAdBit)
            return new AdBitLookup(transport, TimeProvider.System);

        // dane-rules.md §2: validate ourselves, asking the resolver with DO=1 and CD=1 (RFC 4035 §3.2.2).
        var cdQuery = new DnsQueryOptions(DnssecOk: true, CheckingDisabled: true);
        UpstreamQuery query = async (name, type, ct) =>
        {
            var exchange = await transport.ExchangeAsync(new DnsQuestion(name, type), cdQuery, ct).ConfigureAwait(false);
            return exchange.Response is { } message
                ? UpstreamResult.Of(Upstream.FromMessage(message))
                : UpstreamResult.Failed(exchange.Problem ?? DnsProblem.Of(DnsProblemKind.Timeout, $"no reply for {name} {type.ToText()}"));
        };
        // -at judges every validity period, RRSIG windows included, as of that time (cli.md).
        var at = options.At;
        return new ValidatingLookup(query, anchors!, () => at ?? TimeProvider.System.GetUtcNow());
    }

    /// <summary>The built-in root anchors, or the DS/DNSKEY records of -trust-anchor FILE (which replace them).</summary>
    private static TrustAnchors LoadAnchors(string? file)
    {
        if (file is null) return TrustAnchors.BuiltIn;
        IReadOnlyList<ResourceRecord> records;
        try
        {
            records = ZoneFileLoader.Load(file, DnsName.Root);
        }
        catch (ZoneFileException e)
        {
            throw new UsageException($"-trust-anchor {file}: {e.Message}");
        }
        return TrustAnchors.FromRecords(records)
               ?? throw new UsageException($"-trust-anchor {file}: no DS or DNSKEY record (a revoked key does not count)");
    }
}
