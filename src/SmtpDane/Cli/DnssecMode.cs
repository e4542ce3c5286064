namespace SmtpDane.Cli;

/// <summary>Where DNSSEC trust comes from (dane-rules.md §2).</summary>
public enum DnssecMode
{
    /// <summary>Judge every signature in the tool, from the trust anchors.</summary>
    Validate,
    /// <summary>Trust the resolver's AD bit (the original tool's behaviour; only safe over loopback).</summary>
    Resolver,
}
