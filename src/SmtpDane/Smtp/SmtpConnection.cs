using System.Net.Sockets;
using System.Text;
using SmtpDane.Tls;

namespace SmtpDane.Smtp;

/// <summary>An SMTP dialogue over a byte channel: writes commands, reads complete replies, each step under its own
/// deadline, every failure turned into a <see cref="SmtpProbeFailure"/>.</summary>
internal sealed class SmtpConnection
{
    private const int ReadChunkSize = 4096;

    private readonly TimeSpan _ioTimeout;
    private readonly Action<string>? _trace;
    private readonly CancellationToken _ct;
    private readonly byte[] _readBuffer = new byte[ReadChunkSize];
    private ReplyParser _parser = new();

    public SmtpConnection(IByteChannel channel, TimeSpan ioTimeout, Action<string>? trace, CancellationToken ct)
    {
        Channel = channel;
        _ioTimeout = ioTimeout;
        _trace = trace;
        _ct = ct;
    }

    public IByteChannel Channel { get; private set; }

    /// <summary>RFC 3207 §4.2: at the TLS boundary the client discards everything it knew from before; a fresh
    /// parser guarantees no pre-TLS byte is read as a post-TLS reply.</summary>
    public void SwitchTo(IByteChannel channel)
    {
        Channel = channel;
        _parser = new ReplyParser();
    }

    /// <summary>Drops and counts plaintext octets that arrived after the last reply (STARTTLS injection): those
    /// already buffered by the parser and those already waiting in the socket.</summary>
    public int DiscardPlaintextAfterReply(Socket socket)
    {
        int count = _parser.DiscardBuffered();
        try
        {
            int waiting;
            while ((waiting = socket.Available) > 0)
            {
                var sink = new byte[Math.Min(waiting, ReadChunkSize)];
                int n = socket.Receive(sink, SocketFlags.None); // cannot block: the octets are already there
                if (n <= 0) break;
                count += n;
            }
        }
        catch (SocketException)
        {
            // The handshake that follows will report a broken connection.
        }
        catch (ObjectDisposedException)
        {
        }
        return count;
    }

    public Task SendAsync(string command, SmtpPhase phase, TimeSpan? timeout = null)
    {
        _trace?.Invoke("C: " + command);
        var bytes = Encoding.ASCII.GetBytes(command + "\r\n");
        return RunStepAsync(phase, $"write of {FirstWord(command)}", async token =>
        {
            await Channel.WriteAsync(bytes, token).ConfigureAwait(false);
            return 0;
        }, timeout);
    }

    /// <summary>Reads one complete reply; the deadline covers all of it (so a drip-feeding server is bounded too).</summary>
    public Task<SmtpReply> ReadReplyAsync(SmtpPhase phase, string what, TimeSpan? timeout = null) => RunStepAsync(phase, what, async token =>
    {
        while (true)
        {
            var parsed = _parser.TryTake();
            if (parsed.Reply is { } reply)
            {
                if (_trace is not null)
                {
                    for (int i = 0; i < reply.Lines.Count; i++)
                    {
                        _trace($"S: {reply.Code}{(i == reply.Lines.Count - 1 ? ' ' : '-')}{reply.Lines[i]}");
                    }
                }
                return reply;
            }
            if (parsed.Error is { } error)
            {
                _trace?.Invoke("S: <" + error.Message + ">");
                throw new SmtpProbeFailure(SmtpProbeOutcome.ProtocolError, phase, $"{what}: {error.Message}");
            }
            int n = await Channel.ReadAsync(_readBuffer, token).ConfigureAwait(false);
            if (n == 0)
            {
                throw new SmtpProbeFailure(SmtpProbeOutcome.ConnectionClosed, phase,
                    _parser.BufferedByteCount > 0 ? $"connection closed in the middle of the {what}" : $"connection closed while waiting for the {what}");
            }
            _parser.Append(_readBuffer.AsSpan(0, n));
        }
    }, timeout);

    /// <summary>Runs one step under the I/O deadline and translates every way it can fail. The caller's own
    /// cancellation is not a failure: it propagates as <see cref="OperationCanceledException"/>.</summary>
    public async Task<T> RunStepAsync<T>(SmtpPhase phase, string what, Func<CancellationToken, Task<T>> step, TimeSpan? timeout = null)
    {
        var limit = timeout ?? _ioTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        deadline.CancelAfter(Durations.Clamp(limit));
        try
        {
            return await step(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_ct.IsCancellationRequested)
        {
            throw new SmtpProbeFailure(SmtpProbeOutcome.Timeout, phase, $"no {what} within {Durations.Format(limit)}");
        }
        catch (TlsChannelException e)
        {
            throw new SmtpProbeFailure(SmtpProbeOutcome.TlsFailed, phase, e.Message);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            _ct.ThrowIfCancellationRequested();
            throw new SmtpProbeFailure(SmtpProbeOutcome.ConnectionClosed, phase, $"connection failed during the {what}: {Describe(e)}");
        }
    }

    internal static string Describe(Exception e) =>
        (e as SocketException ?? e.InnerException as SocketException) is { } se ? se.SocketErrorCode.ToString() : e.Message;

    private static string FirstWord(string command)
    {
        int space = command.IndexOf(' ');
        return space < 0 ? command : command[..space];
    }
}
