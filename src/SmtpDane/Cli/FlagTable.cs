namespace SmtpDane.Cli;

/// <summary>Every flag of the CLI contract (../shared/design/cli.md), in help order. The normaliser, the help
/// text and the tests all read this one table, so a flag cannot be documented and not parsed, or the reverse.</summary>
public static class FlagTable
{
    public static readonly IReadOnlyList<FlagSpec> All =
    [
        // Kept from the original Go tool, same meaning.
        new("mx", [], FlagKind.Bool, "mx", null, "false", "targets are domains: probe every MX host (all preferences)"),
        new("srv", [], FlagKind.Value, "srv", "NAME", "", "targets are domains: probe the _NAME._tcp SRV targets on their SRV ports"),
        new("submission", [], FlagKind.Bool, "submission", null, "false", "same as -srv submission"),
        new("submissions", [], FlagKind.Bool, "submissions", null, "false", "same as -srv submissions, with TLS-on-connect"),
        new("port", ["p"], FlagKind.Value, "port", "PORT", "25", "default port: number, service name or name(number); host:port and SRV ports override it"),
        new("tls-on-connect", [], FlagKind.Bool, "tls-on-connect", null, "false", "start TLS immediately instead of STARTTLS"),
        new("4", [], FlagKind.Bool, "ipv4", null, "false", "only IPv4 addresses (filtering every address away is an error)"),
        new("6", [], FlagKind.Bool, "ipv6", null, "false", "only IPv6 addresses (filtering every address away is an error)"),
        new("helo", [], FlagKind.Value, "helo", "NAME", "smtpdane.invalid", "name sent in EHLO/HELO, before and after TLS"),
        new("aka", [], FlagKind.Repeatable, "aka", "NAME", "", "another acceptable name for DANE-TA name checks (repeatable)"),
        new("connect-timeout", [], FlagKind.Value, "connect-timeout", "DURATION", "10s", "deadline for each TCP connect; each SMTP reply and the TLS handshake get 3x this"),
        new("expiration-warning", [], FlagKind.Value, "expiration-warning", "DURATION", "168h", "warn when a certificate in the verdict expires within this; 0s disables"),
        new("expect-ocsp", [], FlagKind.Bool, "expect-ocsp", null, "false", "a missing or bad OCSP staple is an error"),
        new("show-cert-info", [], FlagKind.Bool, "show-cert-info", null, "false", "show TLS version, cipher, key exchange, chain summary, OCSP status"),
        new("showcerts", [], FlagKind.Bool, "showcerts", null, "false", "print the PEM of the served chain"),
        new("nocertnames", [], FlagKind.Bool, "nocertnames", null, "false", "accepted for compatibility: this probe never reads the system CA store"),
        new("quiet", ["q"], FlagKind.Bool, "quiet", null, "false", "print only endpoints with warnings or errors"),
        new("terse", [], FlagKind.Bool, "terse", null, "false", "one line per endpoint"),
        new("nagios", [], FlagKind.Bool, "nagios", null, "false", "Nagios plugin output and exit codes (implies -terse -nocolor)"),
        new("nocolor", [], FlagKind.Bool, "nocolor", null, "false", "no ANSI colour (also when NO_COLOR is set or stdout is not a terminal)"),
        new("debug", [], FlagKind.Bool, "debug", null, "false", "protocol trace on stderr (DNS exchanges and SMTP lines)"),
        new("proxy-tcp", [], FlagKind.Value, "proxy-tcp", "URL", "", "SOCKS5 proxy for the SMTP connections, socks5://IP:PORT (DNS is not proxied)"),
        new("version", [], FlagKind.Bool, "show-version", null, "false", "print version, build, runtime and dependency versions"),
        new("help", ["h"], FlagKind.Bool, "show-help", null, "false", "print this help"),
        // Added by this implementation.
        new("resolver", [], FlagKind.Repeatable, "resolver", "ADDR", "", "DNS resolver IP[:port] or [IPv6]:port (repeatable; overrides DNS_RESOLVER and /etc/resolv.conf)", Added: true),
        new("dnssec", [], FlagKind.Value, "dnssec", "MODE", "validate", "validate: judge DNSSEC in the tool from trust anchors; resolver: trust the resolver's AD bit", Added: true),
        new("trust-anchor", [], FlagKind.Value, "trust-anchor", "FILE", "", "DS/DNSKEY records (zone-file syntax) replacing the built-in root anchors", Added: true),
        new("tlsa-name", [], FlagKind.Value, "tlsa-name", "NAME", "", "TLSA base domain for IP-literal targets", Added: true),
        new("at", [], FlagKind.Value, "at", "TIME", "", "judge certificates, RRSIGs and OCSP as of this RFC 3339 time", Added: true),
        new("rrsig-expiration-warning", [], FlagKind.Value, "rrsig-expiration-warning", "DURATION", "72h", "warn when an RRSIG on the validation path expires within this; 0s disables", Added: true),
        new("timeout", [], FlagKind.Value, "timeout", "DURATION", "60s", "global deadline for the whole run; unfinished endpoints are reported as timeout", Added: true),
        new("json", [], FlagKind.Bool, "json", null, "false", "one JSON document on stdout (exit codes unchanged)", Added: true),
    ];

    private static readonly Dictionary<string, FlagSpec> ByName = BuildIndex();

    private static Dictionary<string, FlagSpec> BuildIndex()
    {
        var d = new Dictionary<string, FlagSpec>(StringComparer.Ordinal);
        foreach (var f in All)
        {
            d.Add(f.Name, f);
            foreach (var a in f.Aliases) d.Add(a, f);
        }
        return d;
    }

    /// <summary>Go's flag package matches names exactly (case-sensitive); so do we.</summary>
    public static FlagSpec? Find(string name) => ByName.GetValueOrDefault(name);
}
