using System.Globalization;
using System.Net;
using SmtpDane.Dns.Transport;
using SmtpDane.Output;
using SmtpDane.Smtp;

namespace SmtpDane.Cli;

/// <summary>Validates bound flag values and targets into <see cref="ProbeOptions"/>. Every problem is a
/// <see cref="UsageException"/> whose message names the flag or target.</summary>
public static class OptionsBuilder
{
    public static ProbeOptions Build(RawFlags f, IReadOnlyList<string> targetArgs)
    {
        // cli.md: -mx, -srv and -submission(s) choose how targets are read; only one may.
        var modeFlags = new List<string>();
        if (f.Mx) modeFlags.Add("-mx");
        if (f.Srv.Length > 0) modeFlags.Add("-srv");
        if (f.Submission) modeFlags.Add("-submission");
        if (f.Submissions) modeFlags.Add("-submissions");
        if (modeFlags.Count > 1) throw new UsageException($"conflicting flags: {string.Join(" and ", modeFlags)} (choose one)");
        if (f.Ipv4 && f.Ipv6) throw new UsageException("conflicting flags: -4 and -6 (omit both to use every address)");
        if (f.Json && f.Nagios) throw new UsageException("conflicting flags: -json and -nagios (choose one output format)");

        var mode = TargetMode.Host;
        string? service = null;
        if (f.Mx) mode = TargetMode.Mx;
        if (f.Srv.Length > 0) { mode = TargetMode.Srv; service = ParseService(f.Srv); }
        if (f.Submission) { mode = TargetMode.Srv; service = "submission"; }
        if (f.Submissions) { mode = TargetMode.Srv; service = "submissions"; }

        if (targetArgs.Count == 0) throw new UsageException("no target given (a host, host:port, or with -mx/-srv a domain)");
        var targets = targetArgs.Select(TargetParser.Parse).ToList();
        if (mode != TargetMode.Host)
        {
            var literal = targets.FirstOrDefault(t => t.IsAddressLiteral);
            if (literal is not null)
                throw new UsageException($"target \"{literal.Text}\": {ModeFlag(f)} needs a domain name, not an IP address");
        }

        string? tlsaName = f.TlsaName.Length > 0 ? ParseName("tlsa-name", f.TlsaName) : null;
        var aka = Split(f.Aka).Select(a => ParseName("aka", a)).ToList();

        var output = OutputMode.Text;
        if (f.Nagios) output = OutputMode.Nagios;
        if (f.Json) output = OutputMode.Json;

        return new ProbeOptions
        {
            Targets = targets,
            Mode = mode,
            SrvService = service,
            Port = PortSpec.ParseFlag("port", f.Port),
            // RFC 8314 §3.3: the "submissions" service is TLS-on-connect ("implicit TLS").
            TlsOnConnect = f.TlsOnConnect || f.Submissions,
            Family = f.Ipv4 ? AddressFamilyFilter.IPv4Only : f.Ipv6 ? AddressFamilyFilter.IPv6Only : AddressFamilyFilter.Any,
            Helo = ParseHelo(f.Helo),
            Aka = aka,
            TlsaName = tlsaName,
            ConnectTimeout = Positive("connect-timeout", GoDuration.ParseFlag("connect-timeout", f.ConnectTimeout)),
            ExpirationWarning = GoDuration.ParseFlag("expiration-warning", f.ExpirationWarning),
            RrsigExpirationWarning = GoDuration.ParseFlag("rrsig-expiration-warning", f.RrsigExpirationWarning),
            Timeout = Positive("timeout", GoDuration.ParseFlag("timeout", f.Timeout)),
            ExpectOcsp = f.ExpectOcsp,
            ShowCertInfo = f.ShowCertInfo,
            ShowCerts = f.Showcerts,
            NoCertNames = f.Nocertnames,
            Quiet = f.Quiet,
            Output = output,
            // The original tool: -nagios implies -terse.
            Terse = f.Terse || f.Nagios,
            // The original tool: -nagios implies -nocolor.
            NoColor = f.Nocolor || f.Nagios || f.Json,
            Debug = f.Debug,
            ProxyTcp = f.ProxyTcp.Length > 0 ? ParseProxy(f.ProxyTcp) : null,
            Resolvers = Split(f.Resolver).Select(r => ValidateResolver(r)).ToList(),
            Dnssec = f.Dnssec switch
            {
                "validate" => DnssecMode.Validate,
                "resolver" => DnssecMode.Resolver,
                _ => throw new UsageException($"invalid value \"{f.Dnssec}\" for flag -dnssec: use validate or resolver"),
            },
            TrustAnchorFile = f.TrustAnchor.Length > 0 ? f.TrustAnchor : null,
            At = f.At.Length > 0 ? ParseTime(f.At) : null,
        };
    }

    private static string ModeFlag(RawFlags f) =>
        f.Mx ? "-mx" : f.Submission ? "-submission" : f.Submissions ? "-submissions" : "-srv";

    private static IEnumerable<string> Split(string joined) =>
        joined.Length == 0 ? [] : joined.Split(ArgvNormaliser.RepeatSeparator);

    private static TimeSpan Positive(string flag, TimeSpan d) =>
        d > TimeSpan.Zero ? d : throw new UsageException($"invalid value for flag -{flag}: must be greater than 0s");

    /// <summary>RFC 2782: the service label, given without the leading underscore ("submission"); we also
    /// accept "_submission" and "_submission._tcp" since operators copy them from zone files.</summary>
    private static string ParseService(string text)
    {
        string s = text;
        if (s.EndsWith("._tcp", StringComparison.OrdinalIgnoreCase)) s = s[..^5];
        s = s.TrimStart('_');
        if (s.Length is 0 or > 63 || !s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw new UsageException($"invalid value \"{text}\" for flag -srv: expected a service name such as submission");
        return s.ToLowerInvariant();
    }

    private static string ParseName(string flag, string text)
    {
        try
        {
            var t = TargetParser.Parse(text);
            if (t.Name is null || t.Port is not null) throw new UsageException("");
            return t.Name;
        }
        catch (UsageException)
        {
            throw new UsageException($"invalid value \"{text}\" for flag -{flag}: expected a DNS name");
        }
    }

    /// <summary>RFC 5321 §4.1.1.1: EHLO takes a domain or an address literal; we accept any printable token
    /// without spaces so operators can send exactly what their MTA sends (the SMTP layer's rule).</summary>
    private static string ParseHelo(string text) =>
        SmtpProbeRequest.IsValidHeloName(text) ? text
            : throw new UsageException($"invalid value \"{text}\" for flag -helo: expected a host name without spaces");

    private static string ValidateResolver(string text)
    {
        if (!ResolverEndpoint.TryParse(text, out _, out var error))
            throw new UsageException($"invalid value \"{text}\" for flag -resolver: {error}");
        return text;
    }

    private static IPEndPoint ParseProxy(string text) =>
        Socks5ProxyAddress.TryParse(text, out var ep, out var error) ? ep!
            : throw new UsageException($"invalid value \"{text}\" for flag -proxy-tcp: {error}");

    private static DateTimeOffset ParseTime(string text)
    {
        // RFC 3339 §5.6: date-time with a mandatory offset ("Z" or ±hh:mm).
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK"];
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            && (text.EndsWith('Z') || text.EndsWith('z') || text.Length > 6 && (text[^6] == '+' || text[^6] == '-')))
            return t.ToUniversalTime();
        throw new UsageException($"invalid value \"{text}\" for flag -at: expected an RFC 3339 time such as 2026-12-04T12:00:00Z");
    }
}
