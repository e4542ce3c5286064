using System.Globalization;
using System.Net;

namespace SmtpDane.Dns.Transport;

/// <summary>The parts of resolv.conf(5) this tool honours: <c>nameserver</c> (IP literals, port 53) and
/// <c>options timeout:N attempts:N rotate</c>. Pure: parses text; <see cref="ResolverConfigurationBuilder.LoadResolvConf"/>
/// reads the file.</summary>
public sealed record ResolvConf(IReadOnlyList<IPEndPoint> Servers, int? TimeoutSeconds, int? Attempts, bool Rotate,
    IReadOnlyList<string> Warnings)
{
    public static ResolvConf Parse(string text)
    {
        var servers = new List<IPEndPoint>();
        var warnings = new List<string>();
        int? timeout = null, attempts = null;
        bool rotate = false;
        int lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            // resolv.conf(5): '#' or ';' in the first column starts a comment.
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            var f = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            switch (f[0])
            {
                case "nameserver" when f.Length >= 2:
                    // Only an address here (resolv.conf has no port syntax); strip a zone suffix only when numeric.
                    if (IPAddress.TryParse(f[1], out var a) && (f[1].Contains(':') || f[1].Count(c => c == '.') == 3))
                        servers.Add(new IPEndPoint(a, ResolverEndpoint.DefaultPort));
                    else warnings.Add($"line {lineNo}: nameserver \"{f[1]}\" is not an IP address; ignored");
                    break;
                case "options":
                    foreach (var opt in f.Skip(1))
                    {
                        if (opt == "rotate") rotate = true;
                        else if (opt.StartsWith("timeout:", StringComparison.Ordinal) && Number(opt[8..]) is { } t)
                            timeout = Math.Clamp(t, 1, DnsLimits.MaxTimeoutSeconds);
                        else if (opt.StartsWith("attempts:", StringComparison.Ordinal) && Number(opt[9..]) is { } n)
                            attempts = Math.Clamp(n, 1, DnsLimits.MaxAttempts);
                    }
                    break;
            }
        }
        return new ResolvConf(servers, timeout, attempts, rotate, warnings);
    }

    private static int? Number(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}
