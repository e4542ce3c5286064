using SmtpDane.Dns;

namespace SmtpDane.Dnssec.Chain;

/// <summary>The security state at a name after walking down from its trust anchor: the deepest zone cut at or
/// above the name and, when Secure, that zone's authenticated DNSKEYs. Insecure/Bogus/Indeterminate carry the
/// problem met on the way; everything below inherits it (RFC 4035 §4.3, §5.2).</summary>
internal sealed record ChainState(SecurityStatus Status, DnsName? Zone, IReadOnlyList<DnskeyRecord> Keys, int Depth,
    DateTimeOffset? Expiry, DnsProblem? Problem)
{
    /// <summary>The name was proven not to exist: nothing below it exists or can be a zone cut, so the walk stops
    /// asking (RFC 4035 §5.4: NXDOMAIN covers the whole subtree).</summary>
    public bool Nonexistent { get; init; }

    public static ChainState Secure(DnsName zone, IReadOnlyList<DnskeyRecord> keys, int depth, DateTimeOffset? expiry) =>
        new(SecurityStatus.Secure, zone, keys, depth, expiry, null);

    public static ChainState Fail(SecurityStatus status, DnsProblem problem) => new(status, null, [], 0, null, problem);

    public static ChainState From(ValidationResult result) =>
        Fail(result.Status, DnsProblem.Of(result.Problem ?? DnsProblemKind.DnssecBogus, result.Reason));
}
