using System.Net;
using System.Net.Sockets;
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
