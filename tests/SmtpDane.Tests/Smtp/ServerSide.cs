using System.Net.Sockets;
using System.Text;
using Org.BouncyCastle.Tls;
using SmtpDane.Tests.Tls;

namespace SmtpDane.Tests.Smtp;

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

    /// <summary>The plaintext half of a well-behaved STARTTLS server: greeting, EHLO offering STARTTLS, and
    /// <paramref name="starttlsReply"/> to the STARTTLS command. The handshake (or the misbehaviour) follows.</summary>
    public void OfferStarttls(string starttlsReply = "220 go\r\n")
    {
        Send("220 mx ESMTP\r\n");
        Expect("EHLO", "250-mx\r\n250 STARTTLS\r\n");
        Expect("STARTTLS", starttlsReply);
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
