namespace SmtpDane.Dns.Transport;

/// <summary>Where the resolver list came from, in precedence order (highest first).</summary>
public enum ResolverSource
{
    CommandLine,
    Environment,
    ResolvConf,
}
