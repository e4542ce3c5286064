using System.Net;

namespace SmtpDane.Dns.Transport;

/// <summary>Chooses the resolvers: <c>-resolver</c> list &gt; env DNS_RESOLVER &gt; /etc/resolv.conf. The first
/// source that is present wins (an invalid entry there is an error, not a reason to fall through). Timeout,
/// attempts and rotate come from resolv.conf options when the file is readable, else defaults.</summary>
public static class ResolverConfigurationBuilder
{
    public const string EnvironmentVariable = "DNS_RESOLVER";
    public const string ResolvConfPath = "/etc/resolv.conf";

    /// <summary>Pure decision. <paramref name="resolvConfText"/> is the file content, or null when it could not be read.</summary>
    public static bool TryBuild(IReadOnlyList<string>? commandLine, string? environment, string? resolvConfText,
        out ResolverConfiguration configuration, out ResolverConfigurationError? error)
    {
        configuration = new ResolverConfiguration([], TimeSpan.Zero, 0, false, ResolverSource.ResolvConf);
        error = null;
        var conf = resolvConfText is null ? null : ResolvConf.Parse(resolvConfText);
        var timeout = TimeSpan.FromSeconds(conf?.TimeoutSeconds ?? DnsLimits.DefaultTimeoutSeconds);
        int attempts = conf?.Attempts ?? DnsLimits.DefaultAttempts;
        bool rotate = conf?.Rotate ?? false;

        IReadOnlyList<string>? list = null;
        ResolverSource source;
        if (commandLine is { Count: > 0 })
        {
            list = commandLine.SelectMany(SplitList).ToList();
            source = ResolverSource.CommandLine;
        }
        else if (!string.IsNullOrWhiteSpace(environment))
        {
            list = SplitList(environment).ToList();
            source = ResolverSource.Environment;
        }
        else source = ResolverSource.ResolvConf;

        List<IPEndPoint> servers;
        if (list is not null)
        {
            servers = [];
            foreach (var item in list)
            {
                if (!ResolverEndpoint.TryParse(item, out var ep, out var msg))
                {
                    error = new ResolverConfigurationError(ResolverConfigurationErrorKind.InvalidResolverAddress,
                        $"{(source == ResolverSource.CommandLine ? "-resolver" : EnvironmentVariable)}: {msg}");
                    return false;
                }
                servers.Add(ep);
            }
        }
        else if (conf is null)
        {
            error = new ResolverConfigurationError(ResolverConfigurationErrorKind.UnreadableResolvConf,
                $"no resolver configured: no -resolver, no {EnvironmentVariable}, and {ResolvConfPath} is unreadable");
            return false;
        }
        else servers = conf.Servers.ToList();

        if (servers.Count == 0)
        {
            error = new ResolverConfigurationError(ResolverConfigurationErrorKind.NoResolver,
                $"no resolver configured: no -resolver, no {EnvironmentVariable}, and no nameserver in {ResolvConfPath}");
            return false;
        }
        if (servers.Count > DnsLimits.MaxResolvers) servers = servers.Take(DnsLimits.MaxResolvers).ToList();
        configuration = new ResolverConfiguration(servers.Distinct().ToList(), timeout, attempts, rotate, source);
        return true;
    }

    /// <summary>The I/O edge: reads env DNS_RESOLVER and /etc/resolv.conf, then <see cref="TryBuild"/>.</summary>
    public static bool TryLoad(IReadOnlyList<string>? commandLine, out ResolverConfiguration configuration,
        out ResolverConfigurationError? error) =>
        TryBuild(commandLine, Environment.GetEnvironmentVariable(EnvironmentVariable), LoadResolvConf(ResolvConfPath),
            out configuration, out error);

    /// <summary>File content, or null when missing/unreadable (an empty chroot has no resolv.conf).</summary>
    public static string? LoadResolvConf(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > 1024 * 1024) return null;
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>Comma and/or white-space separated list.</summary>
    private static IEnumerable<string> SplitList(string s) =>
        s.Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
}
