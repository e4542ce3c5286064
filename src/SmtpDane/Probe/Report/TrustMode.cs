namespace SmtpDane.Probe.Report;

/// <summary>Where DNSSEC trust came from for this run (dane-rules.md §2). Resolver mode must be visible in
/// every output, because the AD bit is only as trustworthy as the path to the resolver.</summary>
public enum TrustMode
{
    /// <summary>Signatures validated inside the probe from the (built-in or <c>-trust-anchor</c>) anchors.</summary>
    ValidatedFromAnchors,
    /// <summary><c>-dnssec resolver</c>: the resolver's AD bit was believed.</summary>
    ResolverAdBit,
}

public static class TrustModeText
{
    public static string ToText(this TrustMode m) => m switch
    {
        TrustMode.ValidatedFromAnchors => "validated from trust anchors",
        TrustMode.ResolverAdBit => "delegated to resolver AD bit",
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };

    /// <summary>Short stable token for JSON.</summary>
    public static string ToToken(this TrustMode m) => m switch
    {
        TrustMode.ValidatedFromAnchors => "validated",
        TrustMode.ResolverAdBit => "resolver-ad-bit",
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };
}
