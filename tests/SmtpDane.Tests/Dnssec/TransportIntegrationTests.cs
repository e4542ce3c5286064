using System.Net;
using SmtpDane.Dns;
using SmtpDane.Dns.Transport;
using SmtpDane.Dns.Wire;
using SmtpDane.Dnssec;
using SmtpDane.Tests.Dns.Fakes;
using SmtpDane.Tests.Dnssec.Signing;

namespace SmtpDane.Tests.Dnssec;

/// <summary>ValidatingLookup over the real dns transport against a loopback fake resolver serving the test-signed tree.</summary>
public class TransportIntegrationTests
{
    private static FakeDnsServer Serve(SignedHierarchy h, bool echoDo = true) => FakeDnsServer.Answering(q =>
    {
        var question = q.Questions[0];
        var reply = h.Upstream.Scripted(question.Name, question.Type);
        return new DnsMessage
        {
            Id = q.Id, IsResponse = true, RecursionDesired = q.RecursionDesired, RecursionAvailable = true,
            CheckingDisabled = q.CheckingDisabled, Questions = q.Questions,
            Rcode = reply is null ? DnsRcode.ServFail : (DnsRcode)reply.Rcode,
            Answers = reply?.Answer ?? [], Authority = reply?.Authority ?? [],
            Edns = new EdnsInfo(1232, 0, echoDo && (q.Edns?.DnssecOk ?? false), []),
        };
    });

    private static ValidatingLookup Lookup(FakeDnsServer server, SignedHierarchy h) =>
        new(new DnsTransport(new ResolverConfiguration([server.EndPoint], TimeSpan.FromSeconds(5), 1, false, ResolverSource.CommandLine)),
            h.Anchors, () => TestKey.Now);

    [Fact]
    public async Task Validates_over_UDP_asking_with_DO_and_CD()
    {
        var h = new SignedHierarchy();
        await using var server = Serve(h);
        var answer = await Lookup(server, h).LookupAsync(DnsName.Parse("www.example.test."), RecordType.A, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(SecurityStatus.Secure, answer.Security);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), Assert.IsType<AddressRecord>(Assert.Single(answer.Records).Data).Address);
        Assert.NotEmpty(server.Received);
        // RFC 4035 §3.2.2 / §4.6: we validate ourselves, so every question carries DO=1 and CD=1.
        Assert.All(server.Received, r => Assert.True(r.Query.Edns?.DnssecOk == true && r.Query.CheckingDisabled, r.Query.ToString()));
    }

    [Fact]
    public async Task A_resolver_that_drops_the_DO_bit_is_reported()
    {
        var h = new SignedHierarchy();
        await using var server = Serve(h, echoDo: false);
        var answer = await Lookup(server, h).LookupAsync(DnsName.Parse("www.example.test."), RecordType.A, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((SecurityStatus.Indeterminate, DnsProblemKind.ResolverStripsDnssec), (answer.Security, answer.Problem?.Kind));
    }
}
