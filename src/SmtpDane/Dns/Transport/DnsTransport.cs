using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using SmtpDane.Dns.Wire;

namespace SmtpDane.Dns.Transport;

/// <summary>UDP with EDNS0 and TCP fallback (RFC 1035 §4.2, RFC 7766), against the configured resolvers in turn.
/// Spoofing defences (RFC 5452 §9): a random 16-bit ID from <see cref="RandomNumberGenerator"/> and a fresh socket
/// (random source port) per query; a reply counts only when it comes from the queried address and port, has QR=1,
/// the same ID and the same question — anything else is ignored and we keep waiting until the per-try deadline.
/// Failover: a resolver that times out, fails, or answers SERVFAIL/REFUSED does not fail the lookup while another
/// resolver can still answer.</summary>
public sealed class DnsTransport(ResolverConfiguration configuration) : IDnsTransport
{
    public ResolverConfiguration Configuration { get; } = configuration;

    public async Task<DnsExchange> ExchangeAsync(DnsQuestion question, DnsQueryOptions options, CancellationToken ct)
    {
        var notes = new List<string>();
        var servers = Configuration.Servers;
        if (servers.Count == 0)
            return new DnsExchange(null, null, DnsProblem.Of(DnsProblemKind.NoResolverConfigured, "no resolver configured"), notes);
        int start = Configuration.Rotate ? RandomNumberGenerator.GetInt32(servers.Count) : 0;
        (DnsMessage Message, IPEndPoint Server)? fallback = null;
        DnsProblem? lastProblem = null;
        for (int round = 0; round < Math.Max(1, Configuration.Attempts); round++)
        {
            // Backoff: each round waits longer per try (glibc doubles the timeout per round), capped.
            var perTry = Configuration.Timeout * Math.Min(1 << round, DnsLimits.MaxBackoffFactor);
            for (int k = 0; k < servers.Count; k++)
            {
                var server = servers[(start + k) % servers.Count];
                var (response, problem) = await QueryServerAsync(server, question, options, perTry, ct).ConfigureAwait(false);
                if (response is not null)
                {
                    if (response.Rcode is DnsRcode.NoError or DnsRcode.NxDomain)
                        return new DnsExchange(response, server, null, notes);
                    notes.Add($"{server}: {response.Rcode}");
                    fallback = (response, server);
                }
                else
                {
                    notes.Add($"{server}: {problem!.Message}");
                    lastProblem = problem;
                }
            }
        }
        if (fallback is { } f) return new DnsExchange(f.Message, f.Server, null, notes);
        return new DnsExchange(null, null, lastProblem, notes);
    }

    /// <summary>One try against one server: UDP, then TCP when the UDP answer is truncated (RFC 7766 §5).</summary>
    internal static async Task<(DnsMessage? Response, DnsProblem? Problem)> QueryServerAsync(IPEndPoint server,
        DnsQuestion question, DnsQueryOptions options, TimeSpan timeout, CancellationToken ct)
    {
        var udp = await UdpAsync(server, question, options, timeout, ct).ConfigureAwait(false);
        if (udp.Item1 is { Truncated: true })
            return await TcpAsync(server, question, options, timeout, ct).ConfigureAwait(false);
        return udp;
    }

    private static (ushort Id, byte[] Wire) BuildQuery(DnsQuestion q, DnsQueryOptions o)
    {
        var id = (ushort)RandomNumberGenerator.GetInt32(0, 65536);
        var m = DnsMessage.Query(id, q.Name, q.Type, o.DnssecOk, o.CheckingDisabled) with { Questions = [q] };
        return (id, DnsMessageEncoder.Encode(m));
    }

    /// <summary>RFC 5452 §4.3 / RFC 1035 §7.3: the reply must carry our ID, QR=1, opcode QUERY and exactly our
    /// question. Name compared case-insensitively (we do not use 0x20 case randomisation).</summary>
    internal static bool Matches(DnsMessage reply, ushort id, DnsQuestion q) =>
        reply.IsResponse && reply.Id == id && reply.Opcode == 0 &&
        reply.Questions.Count == 1 && reply.Questions[0].Name == q.Name &&
        reply.Questions[0].Type == q.Type && reply.Questions[0].Class == q.Class;

    private static async Task<(DnsMessage?, DnsProblem?)> UdpAsync(IPEndPoint server, DnsQuestion q, DnsQueryOptions o,
        TimeSpan timeout, CancellationToken ct)
    {
        var (id, wire) = BuildQuery(q, o);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        string? ignored = null;
        try
        {
            // A new socket bound to port 0 per query: the kernel picks a random ephemeral source port.
            using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            await socket.SendToAsync(wire, SocketFlags.None, server, deadline.Token).ConfigureAwait(false);
            var buffer = new byte[DnsLimits.MaxUdpReceiveOctets];
            EndPoint any = new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            while (true)
            {
                var r = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, deadline.Token).ConfigureAwait(false);
                if (!server.Equals(r.RemoteEndPoint)) { ignored = $"ignored a datagram from {r.RemoteEndPoint}"; continue; }
                DnsMessage reply;
                try { reply = DnsMessageDecoder.Decode(buffer.AsSpan(0, r.ReceivedBytes)); }
                catch (DnsFormatException e) { ignored = $"ignored a malformed reply ({e.Reason})"; continue; }
                if (!Matches(reply, id, q)) { ignored = "ignored a reply with the wrong ID or question"; continue; }
                return (reply, null);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            var msg = $"no reply from {server} within {timeout.TotalSeconds:0.###}s (UDP)";
            if (ignored is not null && ignored.Contains("malformed", StringComparison.Ordinal))
                return (null, DnsProblem.Of(DnsProblemKind.MalformedResponse, $"{msg}; {ignored}"));
            return (null, DnsProblem.Of(DnsProblemKind.Timeout, ignored is null ? msg : $"{msg}; {ignored}"));
        }
        catch (SocketException e)
        {
            return (null, DnsProblem.Of(DnsProblemKind.NetworkError, $"{server} (UDP): {e.SocketErrorCode}"));
        }
    }

    private static async Task<(DnsMessage?, DnsProblem?)> TcpAsync(IPEndPoint server, DnsQuestion q, DnsQueryOptions o,
        TimeSpan timeout, CancellationToken ct)
    {
        var (id, wire) = BuildQuery(q, o);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(server, deadline.Token).ConfigureAwait(false);
            // RFC 1035 §4.2.2: two-octet length prefix.
            var framed = new byte[2 + wire.Length];
            BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)wire.Length);
            wire.CopyTo(framed, 2);
            await socket.SendAsync(framed, SocketFlags.None, deadline.Token).ConfigureAwait(false);
            var len = new byte[2];
            if (!await ReadExactlyAsync(socket, len, deadline.Token).ConfigureAwait(false))
                return (null, DnsProblem.Of(DnsProblemKind.NetworkError, $"{server} (TCP): connection closed before the reply"));
            var body = new byte[BinaryPrimitives.ReadUInt16BigEndian(len)];
            if (!await ReadExactlyAsync(socket, body, deadline.Token).ConfigureAwait(false))
                return (null, DnsProblem.Of(DnsProblemKind.NetworkError, $"{server} (TCP): connection closed inside the reply"));
            DnsMessage reply;
            try { reply = DnsMessageDecoder.Decode(body); }
            catch (DnsFormatException e)
            {
                return (null, DnsProblem.Of(DnsProblemKind.MalformedResponse, $"{server} (TCP): {e.Message}"));
            }
            if (!Matches(reply, id, q))
                return (null, DnsProblem.Of(DnsProblemKind.MalformedResponse, $"{server} (TCP): reply with the wrong ID or question"));
            if (reply.Truncated)
                return (null, DnsProblem.Of(DnsProblemKind.TruncatedResponse, $"{server} (TCP): reply truncated even over TCP"));
            return (reply, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, DnsProblem.Of(DnsProblemKind.Timeout, $"no reply from {server} within {timeout.TotalSeconds:0.###}s (TCP)"));
        }
        catch (SocketException e)
        {
            return (null, DnsProblem.Of(DnsProblemKind.NetworkError, $"{server} (TCP): {e.SocketErrorCode}"));
        }
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer, CancellationToken ct)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, ct).ConfigureAwait(false);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }
}
