namespace SmtpDane.Dns;

/// <summary>Who decided the security status: this tool's own validation from its trust anchors, or the
/// recursive resolver's AD bit (RFC 4035 §3.2.3; only trustworthy over a secure path to the resolver, RFC 6840 §5.9).</summary>
public enum TrustSource
{
    Validated,
    ResolverAdBit,
}
