using System.Net;
using SmtpDane.Smtp;

namespace SmtpDane.Tests.Smtp;

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
