using System.Net;
using System.Net.Sockets;

namespace SmtpDane.Smtp;

/// <summary>Minimal RFC 1928 client: no authentication, CONNECT to an IP address. Nothing else is needed: targets
/// are always IP addresses here (names were resolved through DNSSEC, never by the proxy).</summary>
internal static class Socks5Client
{
    private const byte Version = 5;              // RFC 1928 §3
    private const byte MethodNoAuth = 0x00;      // RFC 1928 §3
    private const byte MethodNoneAcceptable = 0xFF;
    private const byte CommandConnect = 0x01;    // RFC 1928 §4
    private const byte AddressIPv4 = 0x01;       // RFC 1928 §5
    private const byte AddressDomain = 0x03;
    private const byte AddressIPv6 = 0x04;

    /// <summary>Asks the proxy at the other end of <paramref name="stream"/> to connect to <paramref name="target"/>.
    /// Throws <see cref="Socks5Exception"/> on refusal, IOException/EndOfStreamException on a broken proxy.</summary>
    public static async Task ConnectAsync(Stream stream, IPEndPoint target, CancellationToken ct)
    {
        await stream.WriteAsync(new byte[] { Version, 1, MethodNoAuth }, ct).ConfigureAwait(false);
        var choice = new byte[2];
        await stream.ReadExactlyAsync(choice, ct).ConfigureAwait(false);
        if (choice[0] != Version) throw new Socks5Exception($"proxy is not SOCKS5 (version octet {choice[0]})");
        if (choice[1] == MethodNoneAcceptable) throw new Socks5Exception("proxy requires authentication, which is not supported");
        if (choice[1] != MethodNoAuth) throw new Socks5Exception($"proxy chose unsupported method {choice[1]}");

        var address = target.Address.IsIPv4MappedToIPv6 ? target.Address.MapToIPv4() : target.Address;
        var addressBytes = address.GetAddressBytes();
        var request = new byte[4 + addressBytes.Length + 2];
        request[0] = Version;
        request[1] = CommandConnect;
        request[2] = 0; // RSV
        request[3] = address.AddressFamily == AddressFamily.InterNetworkV6 ? AddressIPv6 : AddressIPv4;
        addressBytes.CopyTo(request, 4);
        request[^2] = (byte)(target.Port >> 8); // RFC 1928 §4: network octet order
        request[^1] = (byte)target.Port;
        await stream.WriteAsync(request, ct).ConfigureAwait(false);

        var head = new byte[4];
        await stream.ReadExactlyAsync(head, ct).ConfigureAwait(false);
        if (head[0] != Version) throw new Socks5Exception($"proxy reply has version {head[0]}");
        if (head[1] != 0) throw new Socks5Exception($"proxy refused the connection: {ReplyText(head[1])}");
        int boundLength = head[3] switch
        {
            AddressIPv4 => 4,
            AddressIPv6 => 16,
            AddressDomain => await ReadLengthAsync(stream, ct).ConfigureAwait(false),
            _ => throw new Socks5Exception($"proxy reply has unknown address type {head[3]}"),
        };
        var rest = new byte[boundLength + 2];
        await stream.ReadExactlyAsync(rest, ct).ConfigureAwait(false);
    }

    private static async Task<int> ReadLengthAsync(Stream stream, CancellationToken ct)
    {
        var b = new byte[1];
        await stream.ReadExactlyAsync(b, ct).ConfigureAwait(false);
        return b[0];
    }

    /// <summary>RFC 1928 §6 reply field values.</summary>
    internal static string ReplyText(byte rep) => rep switch
    {
        1 => "general SOCKS server failure",
        2 => "connection not allowed by ruleset",
        3 => "network unreachable",
        4 => "host unreachable",
        5 => "connection refused",
        6 => "TTL expired",
        7 => "command not supported",
        8 => "address type not supported",
        _ => $"reply code {rep}",
    };
}
