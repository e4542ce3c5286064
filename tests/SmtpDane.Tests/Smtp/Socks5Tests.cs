using System.Net;
using SmtpDane.Smtp;

namespace SmtpDane.Tests.Smtp;

/// <summary>The RFC 1928 client against a fake proxy on loopback that checks the bytes and then plays the SMTP
/// server itself (the target address is never contacted).</summary>
public class Socks5Tests
{
    private static readonly IPEndPoint DocumentationTarget = new(IPAddress.Parse("192.0.2.25"), 25);

    [Fact]
    public async Task Connect_request_names_the_target_and_the_dialogue_runs_through_the_proxy()
    {
        byte[]? greeting = null, request = null;
        using var proxy = ScriptedServer.Start(s =>
        {
            greeting = new byte[3];
            s.Stream.ReadExactly(greeting);
            s.SendBytes(new byte[] { 5, 0 });
            request = new byte[10];
            s.Stream.ReadExactly(request);
            s.SendBytes(new byte[] { 5, 0, 0, 1, 127, 0, 0, 1, 0x30, 0x39 });
            s.Send("220 via proxy\r\n");
            s.Expect("EHLO", "250 mx\r\n");
            s.DrainUntilClosed();
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(DocumentationTarget) with { Socks5Proxy = proxy.Endpoint });

        // RFC 1928 §3: version 5, one method, "no authentication".
        Assert.Equal(new byte[] { 5, 1, 0 }, greeting);
        // RFC 1928 §4: version 5, CONNECT, reserved, IPv4, 192.0.2.25, port 25 in network order.
        Assert.Equal(new byte[] { 5, 1, 0, 1, 192, 0, 2, 25, 0, 25 }, request);
        Assert.Equal("via proxy", result.Banner!.Lines[0]);
        Assert.Equal(SmtpProbeOutcome.StarttlsNotOffered, result.Outcome);
    }

    [Fact]
    public async Task Ipv6_target_is_sent_as_address_type_4()
    {
        byte[]? request = null;
        using var proxy = ScriptedServer.Start(s =>
        {
            s.Stream.ReadExactly(new byte[3]);
            s.SendBytes(new byte[] { 5, 0 });
            request = new byte[22];
            s.Stream.ReadExactly(request);
            s.SendBytes(new byte[] { 5, 5, 0, 1, 0, 0, 0, 0, 0, 0 });
        });

        await ProbeRunner.RunAsync(ProbeRunner.Request(new IPEndPoint(IPAddress.Parse("2001:db8::25"), 587)) with { Socks5Proxy = proxy.Endpoint });

        var expected = new byte[] { 5, 1, 0, 4, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x25, 0x02, 0x4b };
        Assert.Equal(expected, request);
    }

    public static TheoryData<string, byte[], byte[]?, string> Refusals => new()
    {
        // description, method choice, connect reply (null: never reached), detail text
        { "proxy wants authentication", new byte[] { 5, 0xFF }, null, "authentication" },
        { "not a SOCKS5 proxy", new byte[] { 4, 0 }, null, "not SOCKS5" },
        { "target refused (REP 5)", new byte[] { 5, 0 }, new byte[] { 5, 5, 0, 1, 0, 0, 0, 0, 0, 0 }, "connection refused" },
        { "ruleset forbids (REP 2)", new byte[] { 5, 0 }, new byte[] { 5, 2, 0, 1, 0, 0, 0, 0, 0, 0 }, "not allowed by ruleset" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Proxy_refusals_are_connect_failures(string description, byte[] choice, byte[]? reply, string detail)
    {
        using var proxy = ScriptedServer.Start(s =>
        {
            s.Stream.ReadExactly(new byte[3]);
            s.SendBytes(choice);
            if (reply is null) return;
            s.Stream.ReadExactly(new byte[10]);
            s.SendBytes(reply);
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(DocumentationTarget) with { Socks5Proxy = proxy.Endpoint });

        Assert.True(result.Outcome == SmtpProbeOutcome.ConnectFailed, $"{description}: {result.Outcome} {result.Detail}");
        Assert.Contains(detail, result.Detail);
    }

    [Fact]
    public async Task Proxy_closing_mid_exchange_is_a_connect_failure()
    {
        using var proxy = ScriptedServer.Start(s => s.Stream.ReadExactly(new byte[3]));

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(DocumentationTarget) with { Socks5Proxy = proxy.Endpoint });

        Assert.Equal(SmtpProbeOutcome.ConnectFailed, result.Outcome);
    }

    public static TheoryData<string, string, string?> ProxyUrls => new()
    {
        // description, URL, expected endpoint (null: rejected)
        { "IPv4 with port", "socks5://127.0.0.1:9050", "127.0.0.1:9050" },
        { "IPv6 with port", "socks5://[::1]:1080", "[::1]:1080" },
        { "no port means 1080 (RFC 1928 §3)", "socks5://127.0.0.1", "127.0.0.1:1080" },
        { "trailing slash", "socks5://127.0.0.1:9050/", "127.0.0.1:9050" },
        { "scheme is case-insensitive", "SOCKS5://127.0.0.1:9050", "127.0.0.1:9050" },
        { "host name would need DNS", "socks5://proxy.example:1080", null },
        { "other scheme", "http://127.0.0.1:3128", null },
        { "credentials are not supported", "socks5://u:p@127.0.0.1:1080", null },
        { "port out of range", "socks5://127.0.0.1:70000", null },
        { "bare IPv6 without brackets", "socks5://::1", null },
        { "empty", "socks5://", null },
    };

    [Theory]
    [MemberData(nameof(ProxyUrls))]
    public void Proxy_url_parsing(string description, string url, string? expected)
    {
        bool ok = Socks5ProxyAddress.TryParse(url, out var endpoint, out var error);
        Assert.True(ok == (expected is not null), $"{description}: {error}");
        if (expected is null) Assert.False(string.IsNullOrEmpty(error));
        else Assert.Equal(expected, endpoint!.ToString());
    }

    [Fact]
    public async Task Proxy_not_listening_is_a_connect_failure_naming_the_proxy()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var deadProxy = (IPEndPoint)listener.LocalEndpoint;
        listener.Stop();

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(DocumentationTarget) with { Socks5Proxy = deadProxy });

        Assert.Equal(SmtpProbeOutcome.ConnectFailed, result.Outcome);
        Assert.Contains("SOCKS5 proxy " + deadProxy, result.Detail);
    }
}
