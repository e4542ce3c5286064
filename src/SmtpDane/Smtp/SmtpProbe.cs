using System.Diagnostics;
using System.Net.Sockets;
using SmtpDane.Tls;

namespace SmtpDane.Smtp;

/// <summary>Runs one SMTP/TLS probe of one address: connect → banner → EHLO → STARTTLS → TLS → EHLO → QUIT
/// (or TLS first with TLS-on-connect), recording everything and deciding nothing about trust.</summary>
public static class SmtpProbe
{
    /// <summary>Longest wait for the QUIT exchange. Everything worth measuring is measured by then, so a server that
    /// ignores QUIT may not hold a whole run for a full I/O deadline (RFC 5321 §4.1.1.10 only asks it to reply).</summary>
    public static readonly TimeSpan QuitTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for sending our TLS close_notify (RFC 8446 §6.1) at the end; best effort.</summary>
    private static readonly TimeSpan CloseNotifyTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>Never throws, except <see cref="OperationCanceledException"/> when <paramref name="ct"/> fires.
    /// Every other failure is a typed <see cref="SmtpProbeOutcome"/> with a detail sentence.</summary>
    public static async Task<SmtpProbeResult> RunAsync(SmtpProbeRequest request, CancellationToken ct)
    {
        BouncyCastleSetup.EnsureConfigured();
        long started = Stopwatch.GetTimestamp();
        var session = new Session(request, ct);
        Socket? socket = null;
        if (!SmtpProbeRequest.IsValidHeloName(request.HeloName))
        {
            return session.Finish(SmtpProbeOutcome.EhloFailed, SmtpPhase.Connect,
                $"HELO name \"{ReplyParser.Sanitize(System.Text.Encoding.UTF8.GetBytes(request.HeloName ?? ""))}\" is not a domain or address literal (RFC 5321 §4.1.1.1); not connecting", started);
        }
        try
        {
            socket = await TcpConnector.ConnectAsync(request, ct).ConfigureAwait(false);
            await session.RunAsync(socket).ConfigureAwait(false);
            return session.Finish(SmtpProbeOutcome.Completed, SmtpPhase.Done, session.CompletedDetail(), started);
        }
        catch (SmtpProbeFailure f)
        {
            return session.Finish(f.Outcome, f.Phase, f.Message, started);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bug or an unforeseen library exception must still end as a result, never crash a multi-target run.
            return session.Finish(SmtpProbeOutcome.ProtocolError, session.Phase, $"unexpected {e.GetType().Name}: {e.Message}", started);
        }
        finally
        {
            socket?.Dispose();
        }
    }

    /// <summary>The mutable state of one dialogue; becomes an immutable <see cref="SmtpProbeResult"/> at the end.</summary>
    private sealed class Session
    {
        private readonly SmtpProbeRequest _request;
        private readonly CancellationToken _ct;
        private SmtpReply? _banner, _ehloBefore, _starttls, _ehloAfter, _quit;
        private SmtpCapabilities? _capsBefore, _capsAfter;
        private bool _heloFallback;
        private int _injected;
        private TlsSessionFacts? _tls;

        public Session(SmtpProbeRequest request, CancellationToken ct)
        {
            _request = request;
            _ct = ct;
        }

        public SmtpPhase Phase { get; private set; } = SmtpPhase.Connect;

        public async Task RunAsync(Socket socket)
        {
            var stream = new NetworkStream(socket, ownsSocket: false);
            var connection = new SmtpConnection(new StreamChannel(stream), _request.IoTimeout, _request.Trace, _ct);
            if (_request.TlsOnConnect)
            {
                // RFC 8314 §3.3: implicit TLS starts the handshake at once; the banner comes inside TLS.
                await HandshakeAsync(connection, stream).ConfigureAwait(false);
                _banner = await ReadBannerAsync(connection).ConfigureAwait(false);
                (_ehloAfter, _capsAfter) = await GreetAsync(connection, SmtpPhase.EhloAfterTls).ConfigureAwait(false);
            }
            else
            {
                _banner = await ReadBannerAsync(connection).ConfigureAwait(false);
                (_ehloBefore, _capsBefore) = await GreetAsync(connection, SmtpPhase.Ehlo).ConfigureAwait(false);
                if (!_capsBefore.OffersStarttls)
                {
                    throw new SmtpProbeFailure(SmtpProbeOutcome.StarttlsNotOffered, SmtpPhase.Ehlo, _heloFallback
                        ? "EHLO was refused and HELO has no extensions, so STARTTLS is not available"
                        : "the EHLO reply does not list STARTTLS");
                }
                Phase = SmtpPhase.Starttls;
                await connection.SendAsync("STARTTLS", Phase).ConfigureAwait(false);
                _starttls = await connection.ReadReplyAsync(Phase, "reply to STARTTLS").ConfigureAwait(false);
                // RFC 3207 §4: 220 means "ready to start TLS"; 454 (or any failure) means no TLS this time.
                if (_starttls.Code != 220)
                {
                    throw _starttls.IsTransientFailure || _starttls.IsPermanentFailure
                        ? new SmtpProbeFailure(SmtpProbeOutcome.StarttlsRefused, Phase, $"STARTTLS refused: {_starttls}")
                        : new SmtpProbeFailure(SmtpProbeOutcome.ProtocolError, Phase, $"unexpected reply to STARTTLS: {_starttls}");
                }
                // RFC 3207 §4.2 / CVE-2011-0411: nothing may follow the 220 in plaintext; discard and count it.
                _injected = connection.DiscardPlaintextAfterReply(socket);
                if (_injected > 0) _request.Trace?.Invoke($"discarded {_injected} plaintext octets sent after the STARTTLS 220 (injection)");
                await HandshakeAsync(connection, stream).ConfigureAwait(false);
                // RFC 3207 §4.2: forget pre-TLS knowledge; capabilities come only from the post-TLS EHLO.
                (_ehloAfter, _capsAfter) = await GreetAsync(connection, SmtpPhase.EhloAfterTls).ConfigureAwait(false);
            }
            await QuitAsync(connection).ConfigureAwait(false);
        }

        private async Task HandshakeAsync(SmtpConnection connection, NetworkStream stream)
        {
            Phase = SmtpPhase.TlsHandshake;
            var (channel, facts) = await connection.RunStepAsync(Phase, "TLS handshake completed",
                token => TlsChannel.HandshakeAsync(stream, _request.SniName, _request.TlsOnConnect, _request.Trace, token)).ConfigureAwait(false);
            _tls = facts;
            connection.SwitchTo(channel);
        }

        private async Task<SmtpReply> ReadBannerAsync(SmtpConnection connection)
        {
            Phase = SmtpPhase.Banner;
            SmtpReply banner;
            try
            {
                banner = await connection.ReadReplyAsync(Phase, "banner").ConfigureAwait(false);
            }
            catch (SmtpProbeFailure f) when (f.Outcome == SmtpProbeOutcome.Timeout && !_request.TlsOnConnect)
            {
                throw new SmtpProbeFailure(f.Outcome, f.Phase, f.Message + " (the server sent nothing: a TLS-on-connect port?)");
            }
            catch (SmtpProbeFailure f) when (f.Outcome == SmtpProbeOutcome.ConnectionClosed)
            {
                throw new SmtpProbeFailure(SmtpProbeOutcome.BannerFailed, f.Phase, "server closed the connection without a banner");
            }
            // RFC 5321 §3.1 / §4.3.2: the greeting is 220; 554 (or any 4xx/5xx) means "no service here".
            if (banner.Code != 220)
            {
                _banner = banner;
                throw new SmtpProbeFailure(SmtpProbeOutcome.BannerFailed, Phase, $"server greeting is not 220: {banner}");
            }
            return banner;
        }

        /// <summary>EHLO, falling back to HELO on a 5xx (RFC 5321 §3.2, §4.1.4: a server that does not support EHLO
        /// answers 500/502, and the client may then use HELO).</summary>
        private async Task<(SmtpReply, SmtpCapabilities)> GreetAsync(SmtpConnection connection, SmtpPhase phase)
        {
            Phase = phase;
            await connection.SendAsync("EHLO " + _request.HeloName, phase).ConfigureAwait(false);
            var ehlo = await connection.ReadReplyAsync(phase, "reply to EHLO").ConfigureAwait(false);
            Remember(phase, ehlo);
            if (ehlo.IsPositive) return (ehlo, SmtpCapabilities.FromEhlo(ehlo));
            if (!ehlo.IsPermanentFailure)
            {
                throw new SmtpProbeFailure(SmtpProbeOutcome.EhloFailed, phase, $"EHLO refused: {ehlo}");
            }
            await connection.SendAsync("HELO " + _request.HeloName, phase).ConfigureAwait(false);
            var helo = await connection.ReadReplyAsync(phase, "reply to HELO").ConfigureAwait(false);
            if (!helo.IsPositive)
            {
                throw new SmtpProbeFailure(SmtpProbeOutcome.EhloFailed, phase, $"EHLO refused: {ehlo}; HELO refused: {helo}");
            }
            _heloFallback = true;
            Remember(phase, helo);
            return (helo, SmtpCapabilities.None);
        }

        private void Remember(SmtpPhase phase, SmtpReply reply)
        {
            if (phase == SmtpPhase.Ehlo) _ehloBefore = reply;
            else _ehloAfter = reply;
        }

        /// <summary>RFC 5321 §4.1.1.10. A failing QUIT changes nothing: everything to measure is already measured.</summary>
        private async Task QuitAsync(SmtpConnection connection)
        {
            Phase = SmtpPhase.Quit;
            var limit = _request.IoTimeout < QuitTimeout ? _request.IoTimeout : QuitTimeout;
            try
            {
                await connection.SendAsync("QUIT", Phase, limit).ConfigureAwait(false);
                _quit = await connection.ReadReplyAsync(Phase, "reply to QUIT", limit).ConfigureAwait(false);
                if (connection.Channel is TlsChannel tls)
                {
                    await connection.RunStepAsync(Phase, "close_notify", async token =>
                    {
                        await tls.CloseAsync(token).ConfigureAwait(false);
                        return 0;
                    }, CloseNotifyTimeout).ConfigureAwait(false);
                }
            }
            catch (SmtpProbeFailure f)
            {
                _request.Trace?.Invoke($"QUIT: {f.Message} (ignored)");
            }
        }

        public string CompletedDetail()
        {
            var tls = _tls is null ? "TLS" : $"{_tls.Version} {_tls.CipherSuite}";
            return _request.TlsOnConnect ? $"TLS-on-connect dialogue completed ({tls})" : $"STARTTLS dialogue completed ({tls})";
        }

        public SmtpProbeResult Finish(SmtpProbeOutcome outcome, SmtpPhase phase, string detail, long started) => new()
        {
            Outcome = outcome,
            Phase = phase,
            Detail = detail,
            Banner = _banner,
            EhloBeforeTls = _ehloBefore,
            CapabilitiesBeforeTls = _capsBefore,
            UsedHeloFallback = _heloFallback,
            StarttlsReply = _starttls,
            InjectedPlaintextBytes = _injected,
            Tls = _tls,
            EhloAfterTls = _ehloAfter,
            CapabilitiesAfterTls = _capsAfter,
            QuitReply = _quit,
            Elapsed = Stopwatch.GetElapsedTime(started),
        };
    }
}
