namespace SmtpDane.Dns.Transport;

/// <summary>Why no resolver configuration could be built. <see cref="ResolverConfigurationErrorKind.NoResolver"/>: nothing configured anywhere —
/// never silently replaced by a public resolver (measured-facts.md).</summary>
public sealed record ResolverConfigurationError(ResolverConfigurationErrorKind Kind, string Message)
{
    public DnsProblem ToProblem() => DnsProblem.Of(DnsProblemKind.NoResolverConfigured, Message);
}
