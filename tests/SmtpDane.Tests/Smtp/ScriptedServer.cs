using System.Net;
using System.Net.Sockets;
using System.Text;
using Org.BouncyCastle.Tls;
using SmtpDane.Smtp;
using SmtpDane.Tests.Tls;

namespace SmtpDane.Tests.Smtp;

/// <summary>An in-process server on 127.0.0.1 (ephemeral port) that plays one synchronous script against one
/// connection on its own thread. Blocking socket calls are bounded by socket timeouts, so a script can never hang
/// a test run; failures inside the script surface through <see cref="Completion"/>.</summary>
public sealed class ScriptedServer : IDisposable
{
    /// <summary>Bound on every blocking server-side read or write.</summary>
    private const int SocketTimeoutMs = 8000;

    private readonly TcpListener _listener;

    private ScriptedServer(Action<ServerSide> script)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Endpoint = (IPEndPoint)_listener.LocalEndpoint;
        Completion = Task.Factory.StartNew(() =>
        {
            using var socket = _listener.AcceptSocket();
            socket.ReceiveTimeout = SocketTimeoutMs;
            socket.SendTimeout = SocketTimeoutMs;
            socket.NoDelay = true;
            script(new ServerSide(socket, this));
        }, TaskCreationOptions.LongRunning);
    }

    public IPEndPoint Endpoint { get; }

    public Task Completion { get; }

    /// <summary>Every line the client sent, in order (plaintext and inside TLS).</summary>
    public List<string> Received { get; } = new();

    /// <summary>The TLS server of the last handshake, for what it saw (SNI, chain sent).</summary>
    public TestTlsServer? Tls { get; set; }

    public static ScriptedServer Start(Action<ServerSide> script) => new(script);

    public void Dispose() => _listener.Stop();
}

/// <summary>The server's side of one connection, as a script sees it.</summary>
public sealed class ServerSide
{
    private readonly ScriptedServer _owner;

    public ServerSide(Socket socket, ScriptedServer owner)
    {
        Socket = socket;
        _owner = owner;
        Stream = new NetworkStream(socket, ownsSocket: false);
    }

    public Socket Socket { get; }

    public Stream Stream { get; private set; }

    public void Send(string text) => SendBytes(Encoding.ASCII.GetBytes(text));

    public void SendBytes(byte[] bytes)
    {
        Stream.Write(bytes);
        Stream.Flush();
    }

    /// <summary>Reads one line (without its CRLF); null at end of stream.</summary>
    public string? ReadLine()
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            int n = Stream.Read(one, 0, 1);
            if (n == 0) return line.Count == 0 ? null : Encoding.ASCII.GetString(line.ToArray());
            if (one[0] == (byte)'\n') break;
            line.Add(one[0]);
        }
        var text = Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r');
        lock (_owner.Received) _owner.Received.Add(text);
        return text;
    }

    /// <summary>Reads a line that must start with <paramref name="command"/>, then sends <paramref name="reply"/>.</summary>
    public void Expect(string command, string reply)
    {
        var line = ReadLine();
        if (line is null || !line.StartsWith(command, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"expected {command}, got {line ?? "<eof>"}");
        }
        Send(reply);
    }

    /// <summary>Runs a real Bouncy Castle TLS server handshake on this connection and continues inside TLS.</summary>
    public TestTlsServer AcceptTls(TlsServerOptions options)
    {
        var server = new TestTlsServer(options);
        _owner.Tls = server;
        var protocol = new TlsServerProtocol(Stream);
        protocol.Accept(server);
        Stream = protocol.Stream;
        return server;
    }

    /// <summary>Reads until the client closes (bounded by the socket timeout); errors mean "closed" too.</summary>
    public void DrainUntilClosed()
    {
        var sink = new byte[1024];
        try
        {
            while (Stream.Read(sink, 0, sink.Length) > 0)
            {
            }
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A well-behaved ESMTP server with STARTTLS, from banner to QUIT.</summary>
    public void StandardStarttlsDialogue(TlsServerOptions options)
    {
        Send("220 mx.example.test ESMTP test\r\n");
        Expect("EHLO ", "250-mx.example.test\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n");
        Expect("STARTTLS", "220 2.0.0 go ahead\r\n");
        AcceptTls(options);
        Expect("EHLO ", "250-mx.example.test\r\n250-PIPELINING\r\n250 SIZE 10240000\r\n");
        Expect("QUIT", "221 2.0.0 bye\r\n");
    }

    /// <summary>A well-behaved TLS-on-connect (RFC 8314) server.</summary>
    public void StandardTlsOnConnectDialogue(TlsServerOptions options)
    {
        AcceptTls(options);
        Send("220 mx.example.test ESMTP implicit TLS\r\n");
        Expect("EHLO ", "250-mx.example.test\r\n250 AUTH PLAIN\r\n");
        Expect("QUIT", "221 bye\r\n");
    }
}

/// <summary>Runs the probe with a hard upper bound, so a hang fails the test instead of blocking the run.</summary>
public static class ProbeRunner
{
    /// <summary>Per-step deadline of a normal test probe: generous, so a loaded machine (cold JIT of both TLS
    /// ends) never turns a working handshake into a timeout.</summary>
    public static readonly TimeSpan IoTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Per-step deadline for the tests that expect a timeout, so they end quickly.</summary>
    public static readonly TimeSpan ShortIoTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Hard bound on one probe in a test: generous against CI noise, far below "hang".</summary>
    public static readonly TimeSpan TestBound = TimeSpan.FromSeconds(20);

    public static SmtpProbeRequest Request(IPEndPoint endpoint) => new(endpoint)
    {
        IoTimeout = IoTimeout,
        ConnectTimeout = IoTimeout,
    };

    public static async Task<SmtpProbeResult> RunAsync(SmtpProbeRequest request)
    {
        using var guard = new CancellationTokenSource(TestBound + TimeSpan.FromSeconds(5));
        return await SmtpProbe.RunAsync(request, guard.Token).WaitAsync(TestBound);
    }
}
