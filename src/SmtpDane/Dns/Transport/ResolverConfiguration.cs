using System.Net;

namespace SmtpDane.Dns.Transport;

/// <summary>The recursive resolvers to query and how (resolv.conf(5) semantics: per-try timeout, number of rounds,
/// rotate). Build with <see cref="ResolverConfigurationBuilder"/>.</summary>
public sealed record ResolverConfiguration(IReadOnlyList<IPEndPoint> Servers, TimeSpan Timeout, int Attempts, bool Rotate,
    ResolverSource Source)
{
    public override string ToString() =>
        $"{string.Join(", ", Servers)} (from {Source}, timeout {Timeout.TotalSeconds:0.###}s, attempts {Attempts}{(Rotate ? ", rotate" : "")})";
}
