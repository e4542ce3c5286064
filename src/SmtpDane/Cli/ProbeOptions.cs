namespace SmtpDane.Cli;

/// <summary>A validated command line: everything the probe needs, with defaults applied.</summary>
public sealed record ProbeOptions
{
    public required IReadOnlyList<TargetSpec> Targets { get; init; }
    public TargetMode Mode { get; init; } = TargetMode.Host;
    /// <summary>The SRV service label without "_" and "._tcp" ("submission"), when Mode is Srv.</summary>
    public string? SrvService { get; init; }
    public int Port { get; init; } = 25;
    public bool TlsOnConnect { get; init; }
    public AddressFamilyFilter Family { get; init; } = AddressFamilyFilter.Any;
    public string Helo { get; init; } = "smtpdane.invalid";
    public IReadOnlyList<string> Aka { get; init; } = [];
    public string? TlsaName { get; init; }
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan ExpirationWarning { get; init; } = TimeSpan.FromHours(168);
    public TimeSpan RrsigExpirationWarning { get; init; } = TimeSpan.FromHours(72);
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    public bool ExpectOcsp { get; init; }
    public bool ShowCertInfo { get; init; }
    public bool ShowCerts { get; init; }
    public bool NoCertNames { get; init; }
    public bool Quiet { get; init; }
    public SmtpDane.Output.OutputMode Output { get; init; } = SmtpDane.Output.OutputMode.Text;
    /// <summary>-terse: one line per endpoint (text output).</summary>
    public bool Terse { get; init; }
    public bool NoColor { get; init; }
    public bool Debug { get; init; }
    /// <summary>SOCKS5 proxy for SMTP connections (IP literal endpoint; DNS is never proxied).</summary>
    public System.Net.IPEndPoint? ProxyTcp { get; init; }
    public IReadOnlyList<string> Resolvers { get; init; } = [];
    public DnssecMode Dnssec { get; init; } = DnssecMode.Validate;
    public string? TrustAnchorFile { get; init; }
    /// <summary>-at: the instant every validity period is judged at; null means the real clock.</summary>
    public DateTimeOffset? At { get; init; }
}
