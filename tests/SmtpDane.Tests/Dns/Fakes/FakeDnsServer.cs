using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SmtpDane.Dns.Wire;

namespace SmtpDane.Tests.Dns.Fakes;

/// <summary>An in-process DNS server on 127.0.0.1 (UDP and TCP on the same ephemeral port) answering from a callback.
/// The callback returns the octets to send back (zero or more datagrams over UDP; the first one over TCP);
/// an empty list drops the query. Use <see cref="Answering"/> for the common "message in, message out" case.
/// Reusable by any test that needs a resolver or an authoritative server; dispose to stop it.</summary>
public sealed class FakeDnsServer : IAsyncDisposable
{
    private readonly Func<FakeDnsRequest, IReadOnlyList<byte[]>> _handler;
    private readonly Socket _udp;
    private readonly TcpListener _tcp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _udpLoop, _tcpLoop;

    public IPEndPoint EndPoint { get; }
    public ConcurrentQueue<FakeDnsRequest> Received { get; } = new();
    public int UdpQueries => Received.Count(r => !r.OverTcp);
    public int TcpQueries => Received.Count(r => r.OverTcp);

    public FakeDnsServer(Func<FakeDnsRequest, IReadOnlyList<byte[]>> handler)
    {
        _handler = handler;
        // Same port number for UDP and TCP, like a real server: retry until a free pair is found.
        for (int attempt = 0; ; attempt++)
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            var tcp = new TcpListener(IPAddress.Loopback, port);
            try
            {
                tcp.Start();
                _udp = udp; _tcp = tcp; EndPoint = new IPEndPoint(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (attempt < 50)
            {
                udp.Dispose();
            }
        }
        _udpLoop = Task.Run(UdpLoop);
        _tcpLoop = Task.Run(TcpLoop);
    }

    /// <summary>A server answering each query with the message the callback builds (null: drop the query).</summary>
    public static FakeDnsServer Answering(Func<DnsMessage, DnsMessage?> respond) =>
        new(req => respond(req.Query) is { } m ? [DnsMessageEncoder.Encode(m)] : []);

    private async Task UdpLoop()
    {
        var buffer = new byte[65535];
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult r;
            try { r = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (SocketException) { continue; }
            var raw = buffer.AsSpan(0, r.ReceivedBytes).ToArray();
            var client = (IPEndPoint)r.RemoteEndPoint;
            foreach (var reply in Handle(raw, false, client))
            {
                try { await _udp.SendToAsync(reply, SocketFlags.None, client, _stop.Token); }
                catch (Exception) when (_stop.IsCancellationRequested) { return; }
                catch (SocketException) { }
            }
        }
    }

    private async Task TcpLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket conn;
            try { conn = await _tcp.AcceptSocketAsync(_stop.Token); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (SocketException) { continue; }
            _ = Task.Run(async () =>
            {
                using (conn)
                {
                    try
                    {
                        var len = new byte[2];
                        await ReadExactly(conn, len);
                        var raw = new byte[BinaryPrimitives.ReadUInt16BigEndian(len)];
                        await ReadExactly(conn, raw);
                        var replies = Handle(raw, true, (IPEndPoint)conn.RemoteEndPoint!);
                        if (replies.Count == 0) { await Task.Delay(Timeout.Infinite, _stop.Token); return; }
                        var framed = new byte[2 + replies[0].Length];
                        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)replies[0].Length);
                        replies[0].CopyTo(framed, 2);
                        await conn.SendAsync(framed, SocketFlags.None, _stop.Token);
                    }
                    catch (Exception) { /* client went away or server stopped */ }
                }
            });
        }
    }

    private async Task ReadExactly(Socket s, byte[] buf)
    {
        int read = 0;
        while (read < buf.Length)
        {
            int n = await s.ReceiveAsync(buf.AsMemory(read), SocketFlags.None, _stop.Token);
            if (n == 0) throw new EndOfStreamException();
            read += n;
        }
    }

    private IReadOnlyList<byte[]> Handle(byte[] raw, bool tcp, IPEndPoint client)
    {
        DnsMessage query;
        try { query = DnsMessageDecoder.Decode(raw); }
        catch (DnsFormatException) { return []; }
        var req = new FakeDnsRequest(query, raw, tcp, client);
        Received.Enqueue(req);
        return _handler(req);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _udp.Dispose();
        _tcp.Stop();
        try { await Task.WhenAll(_udpLoop, _tcpLoop).WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
        _stop.Dispose();
    }
}
