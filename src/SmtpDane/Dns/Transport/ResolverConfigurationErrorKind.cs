namespace SmtpDane.Dns.Transport;

/// <summary>Kinds of <see cref="ResolverConfigurationError"/>.</summary>
public enum ResolverConfigurationErrorKind
{
    NoResolver,
    InvalidResolverAddress,
    UnreadableResolvConf,
}
