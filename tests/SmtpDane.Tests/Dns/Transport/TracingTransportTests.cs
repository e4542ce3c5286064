using System.Net;
using SmtpDane.Dns;
using SmtpDane.Dns.Transport;
using SmtpDane.Dns.Wire;

namespace SmtpDane.Tests.Dns.Transport;

public class TracingTransportTests
{
    private sealed class Canned(DnsExchange exchange) : IDnsTransport
    {
        public Task<DnsExchange> ExchangeAsync(DnsQuestion question, DnsQueryOptions options, CancellationToken ct) => Task.FromResult(exchange);
    }

    [Fact]
    public async Task Traces_the_question_flags_answer_and_notes_and_passes_the_exchange_through()
    {
        var response = new DnsMessage { IsResponse = true, AuthenticData = true, Rcode = DnsRcode.NxDomain };
        var exchange = new DnsExchange(response, new IPEndPoint(IPAddress.Loopback, 5353), null, ["truncated over UDP, retried over TCP"]);
        var lines = new List<string>();
        var transport = new TracingTransport(new Canned(exchange), lines.Add, TimeProvider.System);

        var result = await transport.ExchangeAsync(new DnsQuestion(DnsName.Parse("mx.example.org"), RecordType.TLSA),
            new DnsQueryOptions(DnssecOk: true, CheckingDisabled: true), CancellationToken.None);

        Assert.Same(exchange, result);
        Assert.Equal(2, lines.Count);
        Assert.Contains("truncated over UDP", lines[0]);
        Assert.Contains("mx.example.org. IN TLSA (DO=1 CD=1)", lines[1]);
        Assert.Contains("NxDomain from 127.0.0.1:5353, AD=1", lines[1]);
    }

    [Fact]
    public async Task A_failed_exchange_names_the_problem()
    {
        var exchange = new DnsExchange(null, null, DnsProblem.Of(DnsProblemKind.Timeout, "no reply from 127.0.0.1:53"), []);
        var lines = new List<string>();
        var transport = new TracingTransport(new Canned(exchange), lines.Add, TimeProvider.System);
        await transport.ExchangeAsync(new DnsQuestion(DnsName.Parse("example.org"), RecordType.MX), new DnsQueryOptions(), CancellationToken.None);
        Assert.Contains("no answer", Assert.Single(lines));
        Assert.Contains("no reply from 127.0.0.1:53", lines[0]);
    }
}
