using System.Net;
using SmtpDane.Dns;
using SmtpDane.Dns.Transport;
using SmtpDane.Dns.Wire;
using SmtpDane.Tests.Dns.Fakes;

namespace SmtpDane.Tests.Dns;

public class AdBitLookupTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000); // 2023-11-14

    private static Task<DnsAnswer> Lookup(FakeDnsServer server, string name, RecordType type, params FakeDnsServer[] more) =>
        Lookup(5, server, name, type, more);

    /// <summary>Per-try timeout generous (5 s) so a loaded machine cannot turn an answer into a timeout.</summary>
    private static async Task<DnsAnswer> Lookup(double timeout, FakeDnsServer server, string name, RecordType type, params FakeDnsServer[] more)
    {
        var cfg = new ResolverConfiguration([server.EndPoint, .. more.Select(m => m.EndPoint)], TimeSpan.FromSeconds(timeout), 1,
            false, ResolverSource.CommandLine);
        var lookup = new AdBitLookup(new DnsTransport(cfg), new FixedClock(Now));
        return await lookup.LookupAsync(DnsName.Parse(name), type, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AD_set_is_Secure_with_the_records_and_no_problem()
    {
        await using var s = FakeDnsServer.Answering(q => FakeResponses.To(q, ad: true, answers:
        [
            "example.com. 300 IN MX 10 mx1.example.com.",
            "example.com. 300 IN MX 20 mx2.example.com.",
            "example.com. 300 IN RRSIG MX 13 2 300 20231201000000 20231101000000 1 example.com. AAAA",
            "other.example. 300 IN MX 5 evil.example.",       // not owned by the query name: ignored
        ]));
        var a = await Lookup(s, "example.com.", RecordType.MX);
        Assert.Equal(SecurityStatus.Secure, a.Security);
        Assert.Equal(DenialKind.None, a.Denial);
        Assert.Null(a.Problem);
        Assert.Equal(TrustSource.ResolverAdBit, a.Trust);
        Assert.Equal(["mx1.example.com.", "mx2.example.com."], a.Records.Select(r => r.As<MxRecord>()!.Exchange.ToString()));
        Assert.Equal(new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero), a.EarliestSignatureExpiry);
        // The query asked the resolver to validate: DO=1, CD=0.
        var q = Assert.Single(s.Received).Query;
        Assert.True(q.Edns!.DnssecOk);
        Assert.False(q.CheckingDisabled);
    }

    [Fact]
    public async Task Answer_without_AD_is_Insecure_and_says_trust_was_delegated()
    {
        await using var s = FakeDnsServer.Answering(q => FakeResponses.To(q, answers: ["a.example. 60 IN A 192.0.2.1"]));
        var a = await Lookup(s, "a.example.", RecordType.A);
        Assert.Equal(SecurityStatus.Insecure, a.Security);
        Assert.Equal(DnsProblemKind.ResolverDidNotAuthenticate, a.Problem!.Kind);
        Assert.Contains("did not set AD", a.Problem.Message, StringComparison.Ordinal);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), a.Records.Single().As<AddressRecord>()!.Address);
        Assert.Null(a.EarliestSignatureExpiry);
    }

    [Theory]
    [InlineData("no OPT in the reply", false, false)]
    [InlineData("OPT without the DO bit", true, false)]
    public async Task A_resolver_that_strips_DNSSEC_is_named(string description, bool edns, bool echoDo)
    {
        await using var s = FakeDnsServer.Answering(q => FakeResponses.To(q, edns: edns, echoDo: echoDo,
            answers: ["a.example. 60 IN A 192.0.2.1"]));
        var a = await Lookup(s, "a.example.", RecordType.A);
        Assert.Equal(SecurityStatus.Insecure, a.Security);
        Assert.True(DnsProblemKind.ResolverStripsDnssec == a.Problem!.Kind, description);
    }

    [Fact]
    public async Task Secure_NXDOMAIN_is_a_secure_denial_and_authority_RRSIGs_count_for_expiry()
    {
        await using var s = FakeDnsServer.Answering(q => FakeResponses.To(q, DnsRcode.NxDomain, ad: true, authority:
        [
            "example. 300 IN SOA ns1.example. h.example. 1 2 3 4 300",
            "example. 300 IN RRSIG SOA 8 1 300 1701000000 1699000000 1 example. AAAA",
            "a.example. 300 IN NSEC c.example. A RRSIG NSEC",
            "a.example. 300 IN RRSIG NSEC 8 2 300 1700500000 1699000000 1 example. AAAA",
        ]));
        var a = await Lookup(s, "b.example.", RecordType.TLSA);
        Assert.Equal(SecurityStatus.Secure, a.Security);
        Assert.Equal(DenialKind.NxDomain, a.Denial);
        Assert.Empty(a.Records);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700500000), a.EarliestSignatureExpiry);
    }

    [Fact]
    public async Task NOERROR_without_records_of_the_type_is_NODATA()
    {
        await using var s = FakeDnsServer.Answering(q => FakeResponses.To(q, ad: true,
            answers: ["_25._tcp.mx.example. 60 IN TXT \"not a TLSA\""]));
        var a = await Lookup(s, "_25._tcp.mx.example.", RecordType.TLSA);
        Assert.Equal(DenialKind.NoData, a.Denial);
        Assert.Equal(SecurityStatus.Secure, a.Security);
        Assert.Empty(a.Records);
    }

    [Fact]
    public async Task CNAME_chain_is_followed_inside_the_answer()
    {
        await using var s = FakeDnsServer.Answering(q => FakeResponses.To(q, ad: true, answers:
        [
            "mail.example. 60 IN CNAME Host1.Example.NET.",
            "host1.example.net. 60 IN CNAME host2.example.org.",
            "host2.example.org. 60 IN A 192.0.2.7",
            "mail.example. 60 IN A 203.0.113.9",   // data beside a CNAME: a broken zone (RFC 1034 §3.6.2 forbids it)
        ]));
        var a = await Lookup(s, "mail.example.", RecordType.A);
        // The query name itself carries an A here (a broken zone); records at the query name are taken first.
        Assert.Equal(IPAddress.Parse("203.0.113.9"), a.Records.Single().As<AddressRecord>()!.Address);

        await using var s2 = FakeDnsServer.Answering(q => FakeResponses.To(q, ad: true, answers:
        [
            "mail.example. 60 IN CNAME Host1.Example.NET.",
            "host1.example.net. 60 IN CNAME host2.example.org.",
            "host2.example.org. 60 IN A 192.0.2.7",
            "unrelated.example. 60 IN A 198.51.100.1",
        ]));
        var b = await Lookup(s2, "mail.example.", RecordType.A);
        Assert.Equal(2, b.Chain.Count);
        Assert.Equal(DnsName.Parse("mail.example."), b.Chain[0].Owner);
        Assert.Equal(DnsName.Parse("host1.example.net."), b.Chain[0].Target);
        Assert.All(b.Chain, h => Assert.Equal(SecurityStatus.Secure, h.Security));
        Assert.Equal(DnsName.Parse("host2.example.org."), b.FinalName);
        Assert.Equal(IPAddress.Parse("192.0.2.7"), b.Records.Single().As<AddressRecord>()!.Address);
    }

    [Fact]
    public async Task CNAME_to_a_nonexistent_name_is_NXDOMAIN_at_the_final_name()
    {
        await using var s = FakeDnsServer.Answering(q => FakeResponses.To(q, DnsRcode.NxDomain, ad: true,
            answers: ["www.example. 60 IN CNAME gone.example."]));
        var a = await Lookup(s, "www.example.", RecordType.A);
        Assert.Equal(DenialKind.NxDomain, a.Denial);
        Assert.Equal(DnsName.Parse("gone.example."), a.FinalName);
        Assert.Single(a.Chain);
    }

    [Fact]
    public async Task CNAME_loop_and_overlong_chain_are_Indeterminate()
    {
        await using var loop = FakeDnsServer.Answering(q => FakeResponses.To(q, ad: true, answers:
            ["a.example. 60 IN CNAME b.example.", "b.example. 60 IN CNAME a.example."]));
        var a = await Lookup(loop, "a.example.", RecordType.A);
        Assert.Equal(SecurityStatus.Indeterminate, a.Security);
        Assert.Equal(DnsProblemKind.CnameLoop, a.Problem!.Kind);

        var hops = Enumerable.Range(0, DnsLimits.MaxCnameChain + 1)
            .Select(i => $"h{i}.example. 60 IN CNAME h{i + 1}.example.").Append($"h{DnsLimits.MaxCnameChain + 1}.example. 60 IN A 192.0.2.1");
        await using var longChain = FakeDnsServer.Answering(q => FakeResponses.To(q, ad: true, answers: hops));
        var b = await Lookup(longChain, "h0.example.", RecordType.A);
        Assert.Equal(DnsProblemKind.CnameChainTooLong, b.Problem!.Kind);
        Assert.Empty(b.Records);

        var ok = Enumerable.Range(0, DnsLimits.MaxCnameChain)
            .Select(i => $"h{i}.example. 60 IN CNAME h{i + 1}.example.").Append($"h{DnsLimits.MaxCnameChain}.example. 60 IN A 192.0.2.1");
        await using var maxChain = FakeDnsServer.Answering(q => FakeResponses.To(q, ad: true, answers: ok));
        var c = await Lookup(maxChain, "h0.example.", RecordType.A);
        Assert.Equal(SecurityStatus.Secure, c.Security);
        Assert.Equal(DnsLimits.MaxCnameChain, c.Chain.Count);
    }

    [Theory]
    [InlineData("EDE 6 DNSSEC Bogus", (ushort)6, SecurityStatus.Bogus, DnsProblemKind.DnssecBogus)]
    [InlineData("EDE 7 Signature Expired", (ushort)7, SecurityStatus.Bogus, DnsProblemKind.SignatureExpired)]
    [InlineData("EDE 12 NSEC Missing", (ushort)12, SecurityStatus.Bogus, DnsProblemKind.NsecMissing)]
    [InlineData("EDE 22 No Reachable Authority", (ushort)22, SecurityStatus.Indeterminate, DnsProblemKind.Timeout)]
    [InlineData("EDE 0 Other", (ushort)0, SecurityStatus.Indeterminate, DnsProblemKind.ServerFailure)]
    public async Task SERVFAIL_is_Bogus_only_when_an_EDE_says_validation_failed(string description, ushort ede,
        SecurityStatus expected, DnsProblemKind kind)
    {
        await using var s = FakeDnsServer.Answering(q => FakeResponses.To(q, DnsRcode.ServFail, options: [FakeResponses.Ede(ede, "x")]));
        var a = await Lookup(s, "a.example.", RecordType.A);
        Assert.True(expected == a.Security, description);
        Assert.Equal(kind, a.Problem!.Kind);
        Assert.Equal(ede, a.Problem.EdeCode);
    }

    [Fact]
    public async Task Plain_SERVFAIL_is_Indeterminate_resolver_SERVFAIL()
    {
        await using var s = FakeDnsServer.Answering(q => FakeResponses.To(q, DnsRcode.ServFail));
        var a = await Lookup(s, "a.example.", RecordType.A);
        Assert.Equal(SecurityStatus.Indeterminate, a.Security);
        Assert.Equal(DnsProblemKind.ServerFailure, a.Problem!.Kind);
        Assert.Contains("resolver SERVFAIL", a.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task REFUSED_and_timeout_are_Indeterminate_with_their_reason()
    {
        await using var refused = FakeDnsServer.Answering(q => FakeResponses.To(q, DnsRcode.Refused));
        Assert.Equal(DnsProblemKind.Refused, (await Lookup(refused, "a.example.", RecordType.A)).Problem!.Kind);
        await using var dead = new FakeDnsServer(_ => []);
        var t = await Lookup(0.3, dead, "a.example.", RecordType.A);
        Assert.Equal(SecurityStatus.Indeterminate, t.Security);
        Assert.Equal(DnsProblemKind.Timeout, t.Problem!.Kind);
    }

    [Fact]
    public async Task A_bogus_SERVFAIL_from_one_resolver_does_not_hide_another_resolvers_answer()
    {
        await using var bad = FakeDnsServer.Answering(q => FakeResponses.To(q, DnsRcode.ServFail, options: [FakeResponses.Ede(22)]));
        await using var good = FakeDnsServer.Answering(q => FakeResponses.To(q, ad: true, answers: ["a.example. 60 IN A 192.0.2.1"]));
        var a = await Lookup(bad, "a.example.", RecordType.A, good);
        Assert.Equal(SecurityStatus.Secure, a.Security);
    }
}
