using System.Net;

namespace SmtpDane.Smtp;

/// <summary>One SMTP/TLS probe of one address.</summary>
/// <param name="Endpoint">Address and port to connect to (an IP literal: this layer never resolves names).</param>
public sealed record SmtpProbeRequest(IPEndPoint Endpoint)
{
    /// <summary>Name sent in EHLO/HELO on both the STARTTLS and the TLS-on-connect path (cli.md <c>-helo</c>).
    /// The default is a reserved name (RFC 2606 .invalid) so the probe never claims to be someone.</summary>
    public string HeloName { get; init; } = "smtpdane.invalid";

    /// <summary>TLS first (RFC 8314 implicit TLS) instead of STARTTLS (RFC 3207).</summary>
    public bool TlsOnConnect { get; init; }

    /// <summary>SNI to send: the TLSA base domain (RFC 7672 §8.1). No SNI when null.</summary>
    public string? SniName { get; init; }

    /// <summary>Deadline for the TCP connection (and for reaching the proxy).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Deadline for each protocol step: one command write, one complete reply (all its lines, so a
    /// drip-feeding server cannot stretch it), the whole TLS handshake, one SOCKS exchange.</summary>
    public TimeSpan IoTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>SOCKS5 proxy (RFC 1928, no authentication) to connect through, or null for a direct connection.</summary>
    public IPEndPoint? Socks5Proxy { get; init; }

    /// <summary>True when <paramref name="name"/> can be sent after EHLO/HELO: 1-255 printable ASCII octets without
    /// spaces (RFC 5321 §4.1.1.1 Domain / address-literal). Above all, no CR or LF: a name containing them would
    /// inject extra commands into the dialogue.</summary>
    public static bool IsValidHeloName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 255 && name.All(c => c is > ' ' and < (char)0x7F);

    /// <summary>Receives protocol trace lines (cli.md <c>-debug</c>), or null.</summary>
    public Action<string>? Trace { get; init; }
}
