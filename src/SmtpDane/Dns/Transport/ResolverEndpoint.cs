using System.Globalization;
using System.Net;

namespace SmtpDane.Dns.Transport;

/// <summary>Parses one resolver address: an IP literal with optional port — <c>192.0.2.1</c>, <c>192.0.2.1:5353</c>,
/// <c>2001:db8::1</c>, <c>[2001:db8::1]:5353</c>. Host names are refused: resolving them would need a resolver
/// (and System.Net.Dns would load NSS into the static binary).</summary>
public static class ResolverEndpoint
{
    public const int DefaultPort = 53;

    public static bool TryParse(string text, out IPEndPoint endpoint, out string error)
    {
        endpoint = new IPEndPoint(IPAddress.None, 0);
        error = "";
        var s = text.Trim();
        string host;
        int port = DefaultPort;
        if (s.StartsWith('['))
        {
            int close = s.IndexOf(']');
            if (close < 0) { error = $"resolver \"{text}\": missing ']'"; return false; }
            host = s[1..close];
            var rest = s[(close + 1)..];
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':') || !TryPort(rest[1..], out port)) { error = $"resolver \"{text}\": bad port"; return false; }
            }
            if (!host.Contains(':')) { error = $"resolver \"{text}\": brackets are for IPv6 addresses"; return false; }
        }
        else if (s.Count(c => c == ':') == 1)
        {
            int colon = s.IndexOf(':');
            host = s[..colon];
            if (!TryPort(s[(colon + 1)..], out port)) { error = $"resolver \"{text}\": bad port"; return false; }
        }
        else host = s;

        // IPAddress.TryParse also takes "1" or "0x7f.1" as IPv4; insist on the dotted quad for IPv4.
        bool looksV4 = !host.Contains(':');
        if (looksV4 && !DottedQuad.IsShaped(host))
        {
            error = $"resolver \"{text}\" is not an IP address (host names are not accepted)";
            return false;
        }
        if (!IPAddress.TryParse(host, out var address))
        {
            error = $"resolver \"{text}\" is not an IP address (host names are not accepted)";
            return false;
        }
        endpoint = new IPEndPoint(address, port);
        return true;
    }

    /// <summary>Decimal 1–65535; leading zeros are decimal, not octal (the original tool's "025" bug).</summary>
    private static bool TryPort(string s, out int port) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;
}
