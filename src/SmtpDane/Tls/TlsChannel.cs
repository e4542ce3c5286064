using System.Net.Sockets;
using Org.BouncyCastle.Tls;
using SmtpDane.Smtp;

namespace SmtpDane.Tls;

/// <summary>
/// A Bouncy Castle TLS client connection driven in BC's non-blocking mode (<c>OfferInput</c>/<c>ReadOutput</c>),
/// with all socket I/O done asynchronously by us. Why not BC's blocking Stream API: every wait here is an awaited
/// read or write that the caller's CancellationToken (carrying the deadline) ends at once, with no blocked thread
/// and no socket timeouts to keep in step.
/// </summary>
internal sealed class TlsChannel : IByteChannel
{
    /// <summary>Largest TLS record (RFC 8446 §5.2: 2^14 + 256 ciphertext expansion) plus its 5-octet header.</summary>
    private const int ReadBufferSize = 16384 + 256 + 5;

    /// <summary>How many first received octets are kept to explain a failed handshake.</summary>
    private const int DiagnosticPrefixLength = 64;

    private readonly Stream _transport;
    private readonly TlsClientProtocol _protocol;
    private readonly byte[] _readBuffer = new byte[ReadBufferSize];

    private TlsChannel(Stream transport, TlsClientProtocol protocol)
    {
        _transport = transport;
        _protocol = protocol;
    }

    /// <summary>Runs the handshake over <paramref name="transport"/>. Throws <see cref="TlsChannelException"/> on
    /// TLS failure and <see cref="OperationCanceledException"/> when <paramref name="ct"/> fires (deadline).</summary>
    public static async Task<(TlsChannel Channel, TlsSessionFacts Facts)> HandshakeAsync(
        Stream transport, string? serverName, bool implicitTls, Action<string>? trace, CancellationToken ct)
    {
        BouncyCastleSetup.EnsureConfigured();
        var recorder = new HandshakeRecorder();
        var client = new ProbeTlsClient(new RecordingTlsCrypto(recorder), serverName);
        var protocol = new TlsClientProtocol();
        var channel = new TlsChannel(transport, protocol);
        var firstBytes = new List<byte>(DiagnosticPrefixLength);
        trace?.Invoke(client.ServerName is null ? "TLS: ClientHello without SNI" : $"TLS: ClientHello, SNI {client.ServerName}");
        try
        {
            protocol.Connect(client);
            await channel.FlushAsync(ct).ConfigureAwait(false);
            while (protocol.IsHandshaking)
            {
                int n = await transport.ReadAsync(channel._readBuffer, ct).ConfigureAwait(false);
                if (n == 0)
                {
                    throw PlaintextOr(firstBytes, implicitTls, new TlsChannelException(TlsFailureKind.ConnectionClosed,
                        "server closed the connection during the TLS handshake"));
                }
                for (int i = 0; i < n && firstBytes.Count < DiagnosticPrefixLength; i++) firstBytes.Add(channel._readBuffer[i]);
                protocol.OfferInput(channel._readBuffer, 0, n);
                await channel.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (TlsChannelException)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            await channel.TrySendPendingAlertAsync().ConfigureAwait(false);
            throw PlaintextOr(firstBytes, implicitTls, Translate(e));
        }

        var facts = CollectFacts(client.SecurityParameters, recorder, client.ServerName);
        trace?.Invoke($"TLS: {facts.Version} {facts.CipherSuite} group={facts.Group ?? "?"} sig={facts.SignatureScheme ?? "?"} " +
                      $"chain={facts.ChainDer.Count} staple={(facts.OcspStaple is null ? "no" : facts.OcspStaple.Length + " octets")}");
        return (channel, facts);
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                int available = _protocol.GetAvailableInputBytes();
                if (available > 0)
                {
                    var tmp = new byte[Math.Min(available, buffer.Length)];
                    int got = _protocol.ReadInput(tmp, 0, tmp.Length);
                    tmp.AsSpan(0, got).CopyTo(buffer.Span);
                    return got;
                }
                if (_protocol.IsClosed) return 0;
                int n = await _transport.ReadAsync(_readBuffer, ct).ConfigureAwait(false);
                if (n == 0) return 0; // closed without close_notify: the session reports "connection closed"
                _protocol.OfferInput(_readBuffer, 0, n);
                await FlushAsync(ct).ConfigureAwait(false); // e.g. a KeyUpdate answer or our close_notify reply
            }
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            throw (e is TlsException ? null : PendingAlert()) ?? Translate(e);
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        try
        {
            _protocol.WriteApplicationData(data.Span);
            await FlushAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            throw (e is TlsException ? null : PendingAlert()) ?? Translate(e);
        }
    }

    /// <summary>A server that rejects us (e.g. TLS 1.3 certificate_required, RFC 8446 §4.4.2.4) sends an alert and
    /// closes; our next write then fails with a reset while the alert still sits unread in the socket. Read what is
    /// already there (no waiting) so the report names the alert instead of "connection reset".</summary>
    private TlsChannelException? PendingAlert()
    {
        if (_transport is not NetworkStream network) return null;
        try
        {
            var socket = network.Socket;
            int waiting;
            while ((waiting = socket.Available) > 0)
            {
                int n = socket.Receive(_readBuffer, Math.Min(waiting, _readBuffer.Length), SocketFlags.None);
                if (n <= 0) break;
                _protocol.OfferInput(_readBuffer, 0, n);
            }
        }
        catch (TlsFatalAlertReceived alert)
        {
            return Translate(alert);
        }
        catch (Exception)
        {
            // Nothing readable: the original failure stands.
        }
        return null;
    }

    /// <summary>Sends close_notify (RFC 8446 §6.1) so the server sees an orderly end rather than a truncation.</summary>
    public async Task CloseAsync(CancellationToken ct)
    {
        try
        {
            _protocol.Close();
            await FlushAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            throw Translate(e);
        }
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        int pending;
        while ((pending = _protocol.GetAvailableOutputBytes()) > 0)
        {
            var output = new byte[pending];
            int n = _protocol.ReadOutput(output, 0, pending);
            await _transport.WriteAsync(output.AsMemory(0, n), ct).ConfigureAwait(false);
        }
    }

    /// <summary>After BC raised a fatal alert it has queued it for sending; tell the server why we stop, but never
    /// wait on it (bounded by a short fixed delay, errors ignored: the connection is failing anyway).</summary>
    private async Task TrySendPendingAlertAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await FlushAsync(cts.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // best effort only
        }
    }

    private static TlsSessionFacts CollectFacts(SecurityParameters sp, HandshakeRecorder recorder, string? serverName)
    {
        int? group = sp.NegotiatedGroup >= 0 ? sp.NegotiatedGroup : recorder.Tls12Group;
        string? groupName = group is { } g ? NamedGroup.GetName(g)
            : recorder.Tls12ExplicitDhBits is { } bits ? $"dh-explicit-{bits}" : null;
        int? scheme = recorder.SignatureScheme;
        bool tls12 = !TlsUtilities.IsTlsV13(sp.NegotiatedVersion);
        return new TlsSessionFacts(
            Version: sp.NegotiatedVersion.Name,
            CipherSuiteCode: sp.CipherSuite,
            CipherSuite: CipherSuiteNames.NameOf(sp.CipherSuite),
            GroupCode: group,
            Group: groupName,
            SignatureSchemeCode: scheme,
            SignatureScheme: scheme is { } s ? SchemeName(s, tls12) : null,
            ChainDer: recorder.ChainDer ?? Array.Empty<byte[]>(),
            OcspStaple: recorder.OcspStaple,
            ServerNameSent: serverName);
    }

    /// <summary>RFC 8446 §4.2.3: under TLS 1.2 the ECDSA code points mean "ECDSA with this hash" on any curve; BC's
    /// names are the TLS 1.3 ones, which tie a curve (ecdsa_secp256r1_sha256) — wrong for, say, a P-384 key.</summary>
    private static string SchemeName(int scheme, bool tls12) =>
        tls12 && SignatureScheme.IsECDsa(scheme) && SignatureScheme.GetNamedGroup(scheme) >= 0
            ? "ecdsa_" + HashAlgorithm.GetName(SignatureScheme.GetHashAlgorithm(scheme))
            : SignatureScheme.GetName(scheme);

    /// <summary>Bouncy Castle reports every failure as an IOException subtype (measured-facts.md); name the alert.</summary>
    internal static TlsChannelException Translate(Exception e) => e switch
    {
        TlsChannelException t => t,
        TlsFatalAlertReceived r => new TlsChannelException(TlsFailureKind.AlertReceived,
            $"server sent TLS alert {AlertDescription.GetName(r.AlertDescription)}({r.AlertDescription})", e),
        TlsFatalAlert a => new TlsChannelException(TlsFailureKind.AlertSent,
            $"TLS protocol error, alert {AlertDescription.GetName(a.AlertDescription)}({a.AlertDescription}) sent" +
            (string.IsNullOrEmpty(a.Message) ? "" : $": {a.Message}"), e),
        EndOfStreamException => new TlsChannelException(TlsFailureKind.ConnectionClosed, "connection closed during TLS", e),
        _ => new TlsChannelException(TlsFailureKind.TransportError, $"TLS transport error: {e.Message}", e),
    };

    /// <summary>A plaintext SMTP server answers a ClientHello with its banner ("220 …") or an error ("500 …"):
    /// say so instead of reporting a bare decode error.</summary>
    private static TlsChannelException PlaintextOr(List<byte> firstBytes, bool implicitTls, TlsChannelException otherwise)
    {
        if (firstBytes.Count >= 3 && ReplyParser.CheckLineStart(firstBytes.ToArray().AsSpan(0, 3), complete: false) is null)
        {
            int end = firstBytes.IndexOf((byte)'\r');
            if (end < 0) end = firstBytes.IndexOf((byte)'\n');
            if (end < 0) end = firstBytes.Count;
            var text = ReplyParser.Sanitize(firstBytes.ToArray().AsSpan(0, end));
            return new TlsChannelException(TlsFailureKind.PlaintextReply, implicitTls
                ? $"server answered the TLS ClientHello in plaintext: \"{text}\" (a STARTTLS port? try without TLS-on-connect)"
                : $"server sent plaintext \"{text}\" instead of a TLS ServerHello after STARTTLS (late STARTTLS injection or a broken server)");
        }
        return otherwise;
    }
}
