using System.Net;
using System.Net.Sockets;

namespace SmtpDane.Smtp;

/// <summary>Opens the TCP connection for a probe, directly or through a SOCKS5 proxy, under the connect deadline.</summary>
internal static class TcpConnector
{
    /// <summary>Returns a connected socket or throws <see cref="SmtpProbeFailure"/> (ConnectFailed / Timeout);
    /// the caller's cancellation propagates as <see cref="OperationCanceledException"/>.</summary>
    public static async Task<Socket> ConnectAsync(SmtpProbeRequest request, CancellationToken ct)
    {
        var proxy = request.Socks5Proxy;
        var first = proxy ?? request.Endpoint;
        string via = proxy is null ? "" : $" via SOCKS5 proxy {proxy}";
        request.Trace?.Invoke($"connecting to {request.Endpoint}{via}");
        var socket = new Socket(first.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // The whole setup, proxy exchange included, is "connecting": the proxy's CONNECT is the TCP connect.
        deadline.CancelAfter(Durations.Clamp(request.ConnectTimeout));
        try
        {
            await socket.ConnectAsync(first, deadline.Token).ConfigureAwait(false);
            if (proxy is not null)
            {
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                await Socks5Client.ConnectAsync(stream, request.Endpoint, deadline.Token).ConfigureAwait(false);
            }
            return socket;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new SmtpProbeFailure(SmtpProbeOutcome.Timeout, SmtpPhase.Connect,
                $"no TCP connection to {request.Endpoint}{via} within {Durations.Format(request.ConnectTimeout)}");
        }
        catch (SocketException e) when (!ct.IsCancellationRequested)
        {
            // A socket error before the proxy answered is about the proxy itself.
            string where = proxy is not null && !socket.Connected ? $"SOCKS5 proxy {proxy}" : request.Endpoint.ToString();
            socket.Dispose();
            throw new SmtpProbeFailure(SmtpProbeOutcome.ConnectFailed, SmtpPhase.Connect, $"connect to {where} failed: {e.SocketErrorCode}");
        }
        catch (Socks5Exception e)
        {
            socket.Dispose();
            throw new SmtpProbeFailure(SmtpProbeOutcome.ConnectFailed, SmtpPhase.Connect, $"SOCKS5 proxy {proxy}: {e.Message} (target {request.Endpoint})");
        }
        catch (Exception e) when (e is IOException && !ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new SmtpProbeFailure(SmtpProbeOutcome.ConnectFailed, SmtpPhase.Connect,
                $"SOCKS5 proxy {proxy} broke the connection: {SmtpConnection.Describe(e)}");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
