using System.Net;

namespace SmtpDane.Smtp;

/// <summary>Parses the <c>-proxy-tcp</c> URL: <c>socks5://IP:port</c> or <c>socks5://[IPv6]:port</c>.</summary>
public static class Socks5ProxyAddress
{
    /// <summary>RFC 1928 §3: the conventional SOCKS port, used when the URL names none.</summary>
    public const int DefaultPort = 1080;

    private const string Scheme = "socks5://";

    /// <summary>The proxy host must be an IP literal: resolving it would need the system resolver (NSS), which the
    /// static binary must never load, and would leak the lookup outside the proxy.</summary>
    public static bool TryParse(string url, out IPEndPoint? endpoint, out string? error)
    {
        endpoint = null;
        error = null;
        if (!url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            error = $"proxy URL \"{url}\" must start with {Scheme} (only SOCKS5 is supported)";
            return false;
        }
        var rest = url[Scheme.Length..].TrimEnd('/');
        if (rest.Contains('@'))
        {
            error = "SOCKS5 proxy authentication is not supported";
            return false;
        }
        if (!IPEndPoint.TryParse(rest, out var parsed) || rest.Length == 0 || (!rest.StartsWith('[') && rest.Count(c => c == ':') > 1))
        {
            error = $"proxy address \"{rest}\" is not IP:port (the proxy host must be an IP address, no DNS lookups)";
            return false;
        }
        bool hasPort = rest.StartsWith('[') ? rest.Contains("]:") : rest.Contains(':');
        endpoint = new IPEndPoint(parsed.Address, hasPort ? parsed.Port : DefaultPort);
        if (hasPort && parsed.Port == 0)
        {
            error = "proxy port 0 is not valid";
            endpoint = null;
            return false;
        }
        return true;
    }
}
