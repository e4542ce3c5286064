using System.Net;
using System.Net.Sockets;

namespace SmtpDane.Cli;

/// <summary>Parses "IP", "IP:port", "[IPv6]:port" or a bare IPv6 literal into an endpoint. Only IP literals:
/// a resolver given by name would need a resolver to find it, and a static binary must not use NSS.</summary>
public static class ResolverAddress
{
    public const int DnsPort = 53;

    public static bool TryParse(string text, out IPEndPoint endpoint, out string error, int defaultPort = DnsPort)
    {
        endpoint = new IPEndPoint(IPAddress.None, 0);
        error = "";
        string host = text;
        string? port = null;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']');
            if (close < 0) { error = "missing ']'"; return false; }
            host = text[1..close];
            string rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':')) { error = "expected :port after ']'"; return false; }
                port = rest[1..];
            }
        }
        else if (text.Count(c => c == ':') == 1)
        {
            int c = text.IndexOf(':');
            host = text[..c];
            port = text[(c + 1)..];
        }
        if (!IPAddress.TryParse(host, out var address) ||
            (address.AddressFamily == AddressFamily.InterNetwork && host.Count(c => c == '.') != 3))
        { error = $"\"{host}\" is not an IP address"; return false; }
        int p = defaultPort;
        if (port is not null && !PortSpec.TryParse(port, out p, out error)) return false;
        endpoint = new IPEndPoint(address, p);
        return true;
    }
}
