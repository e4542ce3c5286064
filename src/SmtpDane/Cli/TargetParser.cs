using System.Net;
using System.Net.Sockets;
using SmtpDane.Dns;

namespace SmtpDane.Cli;

/// <summary>Parses <c>host</c>, <c>host:port</c>, <c>[2001:db8::25]:port</c>, <c>[2001:db8::25]</c>, a bare IPv6
/// literal (no port possible) and IPv4 literals. IP literals are parsed, never resolved; names are checked for
/// DNS shape (RFC 1035 §2.3.4 lengths) here and looked up later by the project's own DNS client.</summary>
public static class TargetParser
{
    /// <summary>RFC 1035 §2.3.4: 255 octets on the wire, so at most 253 characters in text without the root dot.</summary>
    public const int MaxNameTextLength = 253;

    /// <summary>RFC 1035 §2.3.4: labels are at most 63 octets.</summary>
    public const int MaxLabelLength = 63;

    public static TargetSpec Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new UsageException("empty target");
        string host = text;
        int? port = null;

        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']');
            if (close < 0) throw new UsageException($"target \"{text}\": missing ']' after IPv6 address");
            host = text[1..close];
            string rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':' || rest.Length == 1) throw new UsageException($"target \"{text}\": expected :port after ']'");
                port = ParsePort(text, rest[1..]);
            }
            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6 || host.Contains('%'))
                throw new UsageException($"target \"{text}\": \"{host}\" is not an IPv6 address");
            return new TargetSpec(text, null, v6, port);
        }

        int colons = text.Count(c => c == ':');
        if (colons > 1)
        {
            // A bare IPv6 literal; a port needs the brackets (as in the original tool).
            if (IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 && !text.Contains('%'))
                return new TargetSpec(text, null, v6, null);
            throw new UsageException($"target \"{text}\": not an IPv6 address (write [address]:port to give a port)");
        }
        if (colons == 1)
        {
            int c = text.IndexOf(':');
            host = text[..c];
            port = ParsePort(text, text[(c + 1)..]);
        }
        if (host.Length == 0) throw new UsageException($"target \"{text}\": missing host");
        // Only the dotted quad is an address; "10" or "1.2" in a target is far more likely a typo.
        if (DottedQuad.IsShaped(host))
            return IPAddress.TryParse(host, out var v4) ? new TargetSpec(text, null, v4, port)
                : throw new UsageException($"target \"{text}\": \"{host}\" is not an IPv4 address");
        ValidateName(text, host);
        return new TargetSpec(text, host, null, port);
    }

    private static int ParsePort(string target, string text) =>
        PortSpec.TryParse(text, out var p, out var e) ? p : throw new UsageException($"target \"{target}\": {e}");

    private static void ValidateName(string target, string name)
    {
        string n = name.EndsWith('.') ? name[..^1] : name;
        if (n.Length == 0) throw new UsageException($"target \"{target}\": the root is not a mail host");
        if (n.Length > MaxNameTextLength) throw new UsageException($"target \"{target}\": name longer than {MaxNameTextLength} characters");
        // RFC 5890: internationalised names travel as A-labels; the probe does not convert U-labels itself.
        if (n.Any(ch => ch > 0x7f))
            throw new UsageException($"target \"{target}\": non-ASCII name; give its A-label (xn--…) form");
        foreach (var label in n.Split('.'))
        {
            if (label.Length == 0) throw new UsageException($"target \"{target}\": empty label in \"{name}\"");
            if (label.Length > MaxLabelLength) throw new UsageException($"target \"{target}\": label longer than {MaxLabelLength} characters");
            // Host names are LDH (RFC 1123 §2.1); '_' is allowed because SRV/TLSA-style owners and some
            // operators' internal names use it, and the DNS itself does not forbid it.
            if (!label.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-' || ch == '_'))
                throw new UsageException($"target \"{target}\": invalid character in \"{label}\"");
        }
    }
}
