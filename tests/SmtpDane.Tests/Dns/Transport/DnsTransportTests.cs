using System.Net;
using System.Net.Sockets;
using SmtpDane.Dns;
using SmtpDane.Dns.Transport;
using SmtpDane.Dns.Wire;
using SmtpDane.Tests.Dns.Fakes;

namespace SmtpDane.Tests.Dns.Transport;

public class DnsTransportTests
{
    private static readonly DnsQuestion Q = new(DnsName.Parse("www.example."), RecordType.A);
    private const string GoodA = "www.example. 60 IN A 192.0.2.1";
    private const string SpoofA = "www.example. 60 IN A 203.0.113.66";

    private static DnsTransport Transport(double timeoutSeconds, int attempts, params IPEndPoint[] servers) =>
        new(new ResolverConfiguration(servers, TimeSpan.FromSeconds(timeoutSeconds), attempts, false, ResolverSource.CommandLine));

    // Per-try timeouts are generous (2–5 s) wherever a reply must arrive in time: the machine is shared and the
    // test runner parallel. Short timeouts appear only where the test expects silence.

    /// <summary>Every test is bounded: it fails instead of hanging.</summary>
    private static async Task<DnsExchange> Exchange(DnsTransport t, DnsQueryOptions? o = null) =>
        await t.ExchangeAsync(Q, o ?? new DnsQueryOptions(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    private static IPAddress AddressOf(DnsExchange x) => Assert.IsType<AddressRecord>(Assert.Single(x.Response!.Answers).Data).Address;

    [Fact]
    public async Task Query_carries_EDNS0_1232_DO_and_requested_CD_and_gets_the_answer()
    {
        await using var server = FakeDnsServer.Answering(q => FakeResponses.To(q, answers: [GoodA]));
        var x = await Exchange(Transport(5, 1, server.EndPoint), new DnsQueryOptions(DnssecOk: true, CheckingDisabled: true));
        Assert.Equal(IPAddress.Parse("192.0.2.1"), AddressOf(x));
        Assert.Equal(server.EndPoint, x.Server);
        var q = Assert.Single(server.Received).Query;
        Assert.True(q.Edns!.DnssecOk);
        Assert.Equal(1232, q.Edns.UdpPayloadSize);
        Assert.True(q.CheckingDisabled);
        Assert.True(q.RecursionDesired);
    }

    [Fact]
    public async Task Each_query_uses_a_fresh_random_ID_and_source_port()
    {
        await using var server = FakeDnsServer.Answering(q => FakeResponses.To(q, answers: [GoodA]));
        var t = Transport(5, 1, server.EndPoint);
        for (int i = 0; i < 6; i++) await Exchange(t);
        var reqs = server.Received.ToList();
        Assert.True(reqs.Select(r => r.Query.Id).Distinct().Count() > 1);
        Assert.True(reqs.Select(r => r.Client.Port).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Replies_with_the_wrong_ID_or_question_are_ignored_and_the_right_one_accepted()
    {
        await using var server = new FakeDnsServer(req =>
        [
            DnsMessageEncoder.Encode(FakeResponses.To(req.Query, answers: [SpoofA]) with { Id = (ushort)(req.Query.Id ^ 1) }),
            DnsMessageEncoder.Encode(FakeResponses.To(req.Query, answers: [SpoofA]) with
                { Questions = [new DnsQuestion(DnsName.Parse("evil.example."), RecordType.A)] }),
            DnsMessageEncoder.Encode(FakeResponses.To(req.Query, answers: [SpoofA]) with { IsResponse = false }),
            [0xde, 0xad],
            DnsMessageEncoder.Encode(FakeResponses.To(req.Query, answers: [GoodA])),
        ]);
        var x = await Exchange(Transport(5, 1, server.EndPoint));
        Assert.Equal(IPAddress.Parse("192.0.2.1"), AddressOf(x));
    }

    [Fact]
    public async Task A_datagram_from_another_port_is_ignored()
    {
        using var spoofer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        spoofer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var server = new FakeDnsServer(req =>
        {
            spoofer.SendTo(DnsMessageEncoder.Encode(FakeResponses.To(req.Query, answers: [SpoofA])), req.Client);
            Thread.Sleep(50); // let the spoofed datagram arrive first
            return [DnsMessageEncoder.Encode(FakeResponses.To(req.Query, answers: [GoodA]))];
        });
        var x = await Exchange(Transport(5, 1, server.EndPoint));
        Assert.Equal(IPAddress.Parse("192.0.2.1"), AddressOf(x));
    }

    [Fact]
    public async Task Truncated_UDP_reply_is_retried_over_TCP()
    {
        await using var server = new FakeDnsServer(req => req.OverTcp
            ? [DnsMessageEncoder.Encode(FakeResponses.To(req.Query, answers: [GoodA]))]
            : [DnsMessageEncoder.Encode(FakeResponses.To(req.Query) with { Truncated = true })]);
        var x = await Exchange(Transport(5, 1, server.EndPoint));
        Assert.Equal(IPAddress.Parse("192.0.2.1"), AddressOf(x));
        Assert.Equal(1, server.UdpQueries);
        Assert.Equal(1, server.TcpQueries);
        Assert.True(server.Received.Single(r => r.OverTcp).Query.Edns!.DnssecOk);
    }

    [Fact]
    public async Task A_dead_resolver_does_not_fail_a_lookup_another_resolver_answers()
    {
        await using var dead = new FakeDnsServer(_ => []);
        await using var good = FakeDnsServer.Answering(q => FakeResponses.To(q, answers: [GoodA]));
        var x = await Exchange(Transport(2, 1, dead.EndPoint, good.EndPoint));
        Assert.Equal(IPAddress.Parse("192.0.2.1"), AddressOf(x));
        Assert.Equal(good.EndPoint, x.Server);
        Assert.Contains(x.Notes, n => n.Contains(dead.EndPoint.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_SERVFAIL_resolver_does_not_fail_a_lookup_another_resolver_answers()
    {
        await using var bad = FakeDnsServer.Answering(q => FakeResponses.To(q, DnsRcode.ServFail));
        await using var good = FakeDnsServer.Answering(q => FakeResponses.To(q, answers: [GoodA]));
        var x = await Exchange(Transport(5, 1, bad.EndPoint, good.EndPoint));
        Assert.Equal(DnsRcode.NoError, x.Response!.Rcode);
        Assert.Equal(good.EndPoint, x.Server);
    }

    [Fact]
    public async Task When_every_resolver_says_SERVFAIL_that_response_is_returned()
    {
        await using var bad = FakeDnsServer.Answering(q => FakeResponses.To(q, DnsRcode.ServFail, options: [FakeResponses.Ede(6)]));
        var x = await Exchange(Transport(5, 2, bad.EndPoint));
        Assert.Equal(DnsRcode.ServFail, x.Response!.Rcode);
        Assert.Equal(6, Assert.Single(x.Response.Edns!.ExtendedErrors).InfoCode);
        Assert.Equal(2, bad.UdpQueries); // one per round
    }

    [Fact]
    public async Task Silence_ends_in_a_timeout_problem_after_every_round()
    {
        await using var dead = new FakeDnsServer(_ => []);
        var x = await Exchange(Transport(0.2, 2, dead.EndPoint));
        Assert.Null(x.Response);
        Assert.Equal(DnsProblemKind.Timeout, x.Problem!.Kind);
        Assert.Equal(2, dead.UdpQueries);
    }

    [Fact]
    public async Task Only_malformed_replies_end_in_a_malformed_problem()
    {
        await using var server = new FakeDnsServer(_ => [[1, 2, 3]]);
        var x = await Exchange(Transport(2, 1, server.EndPoint));
        Assert.Equal(DnsProblemKind.MalformedResponse, x.Problem!.Kind);
    }

    [Fact]
    public async Task Only_spoofed_IDs_end_in_a_timeout()
    {
        await using var server = new FakeDnsServer(req =>
            [DnsMessageEncoder.Encode(FakeResponses.To(req.Query, answers: [SpoofA]) with { Id = (ushort)(req.Query.Id + 1) })]);
        var x = await Exchange(Transport(2, 1, server.EndPoint));
        Assert.Equal(DnsProblemKind.Timeout, x.Problem!.Kind);
        Assert.Contains("wrong ID", x.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_surfaces_as_OperationCanceledException()
    {
        await using var dead = new FakeDnsServer(_ => []);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Transport(10, 1, dead.EndPoint).ExchangeAsync(Q, new DnsQueryOptions(), cts.Token).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task TCP_reply_with_the_wrong_ID_is_a_malformed_problem()
    {
        await using var server = new FakeDnsServer(req => req.OverTcp
            ? [DnsMessageEncoder.Encode(FakeResponses.To(req.Query, answers: [GoodA]) with { Id = (ushort)(req.Query.Id ^ 0x100) })]
            : [DnsMessageEncoder.Encode(FakeResponses.To(req.Query) with { Truncated = true })]);
        var x = await Exchange(Transport(2, 1, server.EndPoint));
        Assert.Equal(DnsProblemKind.MalformedResponse, x.Problem!.Kind);
    }
}
