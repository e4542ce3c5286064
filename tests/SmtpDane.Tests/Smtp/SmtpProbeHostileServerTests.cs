using System.Net;
using System.Net.Sockets;
using SmtpDane.Smtp;

namespace SmtpDane.Tests.Smtp;

/// <summary>The probe against misbehaving plaintext servers: every case must end, promptly where the problem is
/// detectable, with the named outcome.</summary>
public class SmtpProbeHostileServerTests
{
    [Fact]
    public async Task Silent_server_times_out_at_the_banner_within_the_io_deadline()
    {
        using var server = ScriptedServer.Start(s => s.DrainUntilClosed());

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint) with { IoTimeout = ProbeRunner.ShortIoTimeout });

        Assert.Equal(SmtpProbeOutcome.Timeout, result.Outcome);
        Assert.Equal(SmtpPhase.Banner, result.Phase);
        Assert.Contains("TLS-on-connect", result.Detail); // the likely cause is named
        Assert.True(result.Elapsed < ProbeRunner.ShortIoTimeout * 4, $"took {result.Elapsed}");
    }

    [Fact]
    public async Task Drip_fed_banner_within_the_deadline_is_parsed()
    {
        using var server = ScriptedServer.Start(s =>
        {
            foreach (var c in "220-mx.example.test\r\n220 slow but fine\r\n")
            {
                s.Send(c.ToString());
                Thread.Sleep(5);
            }
            s.Expect("EHLO", "250 mx.example.test\r\n");
            s.DrainUntilClosed();
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));

        Assert.Equal(new[] { "mx.example.test", "slow but fine" }, result.Banner!.Lines);
        Assert.Equal(SmtpProbeOutcome.StarttlsNotOffered, result.Outcome);
    }

    [Fact]
    public async Task Drip_feed_slower_than_the_deadline_times_out_although_every_byte_arrives_in_time()
    {
        // One byte every 300 ms: each read is quick, but the whole reply may not take more than the I/O deadline.
        using var server = ScriptedServer.Start(s =>
        {
            try
            {
                foreach (var c in "220 " + new string('x', 40) + "\r\n")
                {
                    s.Send(c.ToString());
                    Thread.Sleep(300);
                }
            }
            catch (IOException)
            {
                // the probe gave up and closed: expected
            }
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint) with { IoTimeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(SmtpProbeOutcome.Timeout, result.Outcome);
        Assert.Equal(SmtpPhase.Banner, result.Phase);
    }

    public static TheoryData<string, string, SmtpProbeOutcome, string> BadBanners => new()
    {
        // description, what the server sends, expected outcome, text the detail must contain
        { "oversized line", "220 " + new string('a', ReplyParser.MaxLineLength + 10), SmtpProbeOutcome.ProtocolError, "longer than" },
        { "garbage code", "HTTP/1.1 400 Bad Request\r\n", SmtpProbeOutcome.ProtocolError, "not an SMTP reply code" },
        { "inconsistent multi-line codes", "220-hello\r\n250 world\r\n", SmtpProbeOutcome.ProtocolError, "multi-line" },
        { "421 banner (RFC 5321 §3.8)", "421 4.3.2 too busy, try later\r\n", SmtpProbeOutcome.BannerFailed, "421 4.3.2 too busy, try later" },
        { "554 banner (RFC 5321 §3.1)", "554 5.7.1 no service for you\r\n", SmtpProbeOutcome.BannerFailed, "554 5.7.1 no service for you" },
        { "TLS record instead of a banner (TLS-on-connect port)", "\u0015\u0003\u0003\u0000\u0002\u0002\u0032", SmtpProbeOutcome.ProtocolError, "TLS" },
    };

    [Theory]
    [MemberData(nameof(BadBanners))]
    public async Task Bad_banners_end_promptly_with_a_named_outcome(string description, string banner, SmtpProbeOutcome expected, string detail)
    {
        using var server = ScriptedServer.Start(s =>
        {
            s.SendBytes(System.Text.Encoding.Latin1.GetBytes(banner));
            s.DrainUntilClosed();
        });

        // A long deadline: these must be recognised, not timed out.
        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint) with { IoTimeout = TimeSpan.FromSeconds(15) });

        Assert.True(expected == result.Outcome, $"{description}: {result.Outcome} {result.Detail}");
        Assert.Equal(SmtpPhase.Banner, result.Phase);
        Assert.Contains(detail, result.Detail);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(15), $"{description}: ended by the deadline");
    }

    [Fact]
    public async Task Server_closing_without_banner_is_a_banner_failure()
    {
        using var server = ScriptedServer.Start(_ => { });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));

        Assert.Equal(SmtpProbeOutcome.BannerFailed, result.Outcome);
        Assert.Contains("without a banner", result.Detail);
    }

    [Fact]
    public async Task Starttls_not_offered_is_reported_with_the_capabilities_seen()
    {
        using var server = ScriptedServer.Start(s =>
        {
            s.Send("220 mx ESMTP\r\n");
            s.Expect("EHLO", "250-mx\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
            s.Expect("QUIT", "221 bye\r\n");
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));

        Assert.Equal(SmtpProbeOutcome.StarttlsNotOffered, result.Outcome);
        Assert.Equal(new[] { "PIPELINING", "8BITMIME" }, result.CapabilitiesBeforeTls!.Keywords);
        Assert.Null(result.Tls);
    }

    [Fact]
    public async Task Ehlo_refused_falls_back_to_helo_which_offers_no_starttls()
    {
        using var server = ScriptedServer.Start(s =>
        {
            s.Send("220 mx SMTP\r\n");
            s.Expect("EHLO smtpdane.invalid", "502 5.5.2 command not recognized\r\n");
            s.Expect("HELO smtpdane.invalid", "250 mx\r\n");
            s.DrainUntilClosed();
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));

        Assert.Equal(SmtpProbeOutcome.StarttlsNotOffered, result.Outcome);
        Assert.True(result.UsedHeloFallback);
        Assert.Equal(250, result.EhloBeforeTls!.Code);
    }

    [Fact]
    public async Task Ehlo_and_helo_both_refused_is_an_ehlo_failure_with_both_texts()
    {
        using var server = ScriptedServer.Start(s =>
        {
            s.Send("220 mx SMTP\r\n");
            s.Expect("EHLO", "550 5.7.1 go away\r\n");
            s.Expect("HELO", "550 5.7.1 still no\r\n");
            s.DrainUntilClosed();
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));

        Assert.Equal(SmtpProbeOutcome.EhloFailed, result.Outcome);
        Assert.Contains("go away", result.Detail);
        Assert.Contains("still no", result.Detail);
    }

    [Fact]
    public async Task Transient_ehlo_failure_is_not_retried_with_helo()
    {
        using var server = ScriptedServer.Start(s =>
        {
            s.Send("220 mx SMTP\r\n");
            s.Expect("EHLO", "421 4.7.0 closing\r\n");
            s.DrainUntilClosed();
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));

        Assert.Equal(SmtpProbeOutcome.EhloFailed, result.Outcome);
        Assert.DoesNotContain(server.Received, l => l.StartsWith("HELO"));
    }

    [Fact]
    public async Task Starttls_refused_with_454_is_reported_with_the_reply()
    {
        using var server = ScriptedServer.Start(s =>
        {
            s.Send("220 mx ESMTP\r\n");
            s.Expect("EHLO", "250-mx\r\n250 STARTTLS\r\n");
            s.Expect("STARTTLS", "454 4.7.0 TLS not available due to local problem\r\n");
            s.DrainUntilClosed();
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));

        Assert.Equal(SmtpProbeOutcome.StarttlsRefused, result.Outcome);
        Assert.Equal(new[] { SmtpDane.Probe.StatusToken.StarttlsNotOffered }, result.StatusTokens());
        Assert.Equal(454, result.StarttlsReply!.Code);
        Assert.Contains("TLS not available", result.Detail);
    }

    [Fact]
    public async Task Server_closing_after_ehlo_is_connection_closed()
    {
        using var server = ScriptedServer.Start(s =>
        {
            s.Send("220 mx ESMTP\r\n");
            s.ReadLine();
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));

        Assert.Equal(SmtpProbeOutcome.ConnectionClosed, result.Outcome);
        Assert.Equal(SmtpPhase.Ehlo, result.Phase);
    }

    [Fact]
    public async Task Connect_to_a_closed_port_is_connect_failed()
    {
        // Bind and release an ephemeral port: nothing listens there afterwards.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endpoint = (IPEndPoint)listener.LocalEndpoint;
        listener.Stop();

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(endpoint));

        Assert.Equal(SmtpProbeOutcome.ConnectFailed, result.Outcome);
        Assert.Equal(SmtpPhase.Connect, result.Phase);
        Assert.Contains("ConnectionRefused", result.Detail);
    }

    [Fact]
    public async Task Debug_trace_receives_the_protocol_lines()
    {
        using var server = ScriptedServer.Start(s =>
        {
            s.Send("220 mx ESMTP\r\n");
            s.Expect("EHLO", "250-mx\r\n250 8BITMIME\r\n");
            s.Expect("QUIT", "221 bye\r\n");
        });
        var trace = new List<string>();

        await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint) with { Trace = line => { lock (trace) trace.Add(line); } });

        Assert.Contains("S: 220 mx ESMTP", trace);
        Assert.Contains("C: EHLO smtpdane.invalid", trace);
        Assert.Contains("S: 250-mx", trace);
        Assert.Contains("S: 250 8BITMIME", trace);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_propagates_instead_of_becoming_an_outcome()
    {
        using var server = ScriptedServer.Start(s => s.DrainUntilClosed());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var request = ProbeRunner.Request(server.Endpoint) with { IoTimeout = TimeSpan.FromSeconds(10) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SmtpProbe.RunAsync(request, cts.Token).WaitAsync(ProbeRunner.TestBound));
    }

    [Theory]
    [InlineData("probe.example\r\nMAIL FROM:<x@example>")]
    [InlineData("two words")]
    [InlineData("")]
    public async Task Helo_name_that_would_inject_commands_is_refused_before_connecting(string heloName)
    {
        using var server = ScriptedServer.Start(s => s.DrainUntilClosed());

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint) with { HeloName = heloName });

        Assert.Equal(SmtpProbeOutcome.EhloFailed, result.Outcome);
        Assert.Equal(SmtpPhase.Connect, result.Phase);
        Assert.Null(result.Banner);
        Assert.DoesNotContain('\n', result.Detail);
    }

    [Fact]
    public async Task Negative_deadline_is_an_immediate_timeout_not_an_exception()
    {
        using var server = ScriptedServer.Start(s => s.DrainUntilClosed());

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint) with { IoTimeout = TimeSpan.FromSeconds(-1) });

        Assert.Equal(SmtpProbeOutcome.Timeout, result.Outcome);
    }
}
