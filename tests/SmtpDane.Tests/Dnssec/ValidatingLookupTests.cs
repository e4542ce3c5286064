using System.Net;
using SmtpDane.Dns;
using SmtpDane.Dnssec;
using SmtpDane.Tests.Dnssec.Signing;

namespace SmtpDane.Tests.Dnssec;

public class ValidatingLookupTests
{
    private static ValidatingLookup Lookup(SignedHierarchy h) => new(h.Upstream.QueryAsync, h.Anchors, () => TestKey.Now);

    private static Task<DnsAnswer> Ask(ValidatingLookup l, string name, RecordType type) => l.LookupAsync(DnsName.Parse(name), type, CancellationToken.None);

    [Fact]
    public async Task Signed_answer_is_secure_and_reports_the_earliest_expiration_on_the_path()
    {
        var h = new SignedHierarchy();
        var answer = await Ask(Lookup(h), "www.example.test.", RecordType.A);
        Assert.Equal(SecurityStatus.Secure, answer.Security);
        Assert.Null(answer.Problem);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), Assert.IsType<AddressRecord>(Assert.Single(answer.Records).Data).Address);
        // The DS RRset of example.test. expires first; it lies on the path, so it is the one reported.
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(SignedHierarchy.EarlyExpiration), answer.EarliestSignatureExpiry);
        Assert.Equal(TrustSource.Validated, answer.Trust);
    }

    [Fact]
    public async Task Cname_hops_are_each_judged_and_reported()
    {
        var answer = await Ask(Lookup(new SignedHierarchy()), "mail.example.test.", RecordType.A);
        Assert.Equal(SecurityStatus.Secure, answer.Security);
        var hop = Assert.Single(answer.Chain);
        Assert.Equal((DnsName.Parse("mail.example.test."), DnsName.Parse("www.example.test."), SecurityStatus.Secure), (hop.Owner, hop.Target, hop.Security));
        Assert.Equal(DnsName.Parse("www.example.test."), answer.FinalName);
        Assert.Single(answer.Records);
    }

    [Fact]
    public async Task Proven_nxdomain_and_nodata_are_secure_denials()
    {
        var lookup = Lookup(new SignedHierarchy());
        var nx = await Ask(lookup, "nx.example.test.", RecordType.A);
        Assert.Equal((SecurityStatus.Secure, DenialKind.NxDomain), (nx.Security, nx.Denial));
        var nodata = await Ask(lookup, "www.example.test.", RecordType.AAAA);
        Assert.Equal((SecurityStatus.Secure, DenialKind.NoData), (nodata.Security, nodata.Denial));
        Assert.Empty(nodata.Records);
    }

    [Fact]
    public async Task Data_below_a_provably_unsigned_delegation_is_insecure_with_reason()
    {
        var answer = await Ask(Lookup(new SignedHierarchy()), "host.unsigned.test.", RecordType.A);
        Assert.Equal(SecurityStatus.Insecure, answer.Security);
        Assert.Equal(DnsProblemKind.InsecureDelegation, answer.Problem?.Kind);
        Assert.Single(answer.Records);
    }

    [Fact]
    public async Task Tampered_data_is_bogus_and_withheld()
    {
        var h = new SignedHierarchy();
        var forged = new List<ResourceRecord> { TestKey.Rr("www.example.test.", RecordType.A, new AddressRecord(IPAddress.Parse("203.0.113.66"))) };
        var realSig = h.Example.Sign([TestKey.Rr("www.example.test.", RecordType.A, new AddressRecord(IPAddress.Parse("192.0.2.1")))]);
        h.Upstream.Answer("www.example.test.", RecordType.A, [.. forged, realSig]);
        var answer = await Ask(Lookup(h), "www.example.test.", RecordType.A);
        Assert.Equal(SecurityStatus.Bogus, answer.Security);
        Assert.Equal((ushort?)6, answer.Problem?.EdeCode); // RFC 8914 "DNSSEC Bogus"
        Assert.Empty(answer.Records);
    }

    [Fact]
    public async Task Expired_signature_is_bogus_with_EDE_7()
    {
        var h = new SignedHierarchy();
        var rrs = new List<ResourceRecord> { TestKey.Rr("www.example.test.", RecordType.A, new AddressRecord(IPAddress.Parse("192.0.2.1"))) };
        h.Upstream.Answer("www.example.test.", RecordType.A, [.. rrs, h.Example.Sign(rrs, expiration: (uint)TestKey.Now.ToUnixTimeSeconds() - 1)]);
        var answer = await Ask(Lookup(h), "www.example.test.", RecordType.A);
        Assert.Equal((SecurityStatus.Bogus, DnsProblemKind.SignatureExpired, (ushort?)7), (answer.Security, answer.Problem?.Kind, answer.Problem?.EdeCode));
    }

    [Fact]
    public async Task A_resolver_that_strips_signatures_is_named_not_just_bogus()
    {
        var h = new SignedHierarchy();
        h.Upstream.StripSignatures();
        var answer = await Ask(Lookup(h), "www.example.test.", RecordType.A);
        Assert.Equal(SecurityStatus.Bogus, answer.Security);
        Assert.Equal(DnsProblemKind.ResolverStripsDnssec, answer.Problem?.Kind);
    }

    [Fact]
    public async Task A_reply_without_the_DO_echo_is_indeterminate_and_named()
    {
        var h = new SignedHierarchy();
        h.Upstream.EchoDo = false;
        var answer = await Ask(Lookup(h), "www.example.test.", RecordType.A);
        Assert.Equal(SecurityStatus.Indeterminate, answer.Security);
        Assert.Equal(DnsProblemKind.ResolverStripsDnssec, answer.Problem?.Kind);
    }

    [Fact]
    public async Task Missing_RRSIG_in_a_signed_zone_is_bogus_RRSIGs_missing()
    {
        var h = new SignedHierarchy();
        h.Upstream.Answer("www.example.test.", RecordType.A, [TestKey.Rr("www.example.test.", RecordType.A, new AddressRecord(IPAddress.Parse("192.0.2.1")))]);
        var answer = await Ask(Lookup(h), "www.example.test.", RecordType.A);
        Assert.Equal((SecurityStatus.Bogus, DnsProblemKind.RrsigsMissing), (answer.Security, answer.Problem?.Kind));
    }

    [Fact]
    public async Task No_reply_is_indeterminate_not_absent()
    {
        var answer = await Ask(Lookup(new SignedHierarchy()), "unknown.example.test.", RecordType.A);
        Assert.Equal((SecurityStatus.Indeterminate, DenialKind.None), (answer.Security, answer.Denial));
        Assert.Equal(DnsProblemKind.Timeout, answer.Problem?.Kind);
    }

    [Fact]
    public async Task Chain_queries_start_while_the_answer_is_still_outstanding()
    {
        // The answer is held back until the DS and DNSKEY questions of every ancestor zone have been asked: a lookup that
        // walked zone by zone after the answer would never release it (the 10 s guard then fails the test).
        var h = new SignedHierarchy();
        var released = new TaskCompletionSource();
        h.Upstream.Gate = async (name, type) =>
        {
            if (h.Upstream.Count(".", RecordType.DNSKEY) > 0 && h.Upstream.Count("test.", RecordType.DS) > 0 &&
                h.Upstream.Count("example.test.", RecordType.DS) > 0 && h.Upstream.Count("example.test.", RecordType.DNSKEY) > 0)
                released.TrySetResult();
            if (name == DnsName.Parse("www.example.test.") && type == RecordType.A)
                await released.Task.WaitAsync(TimeSpan.FromSeconds(10));
        };
        var answer = await Ask(Lookup(h), "www.example.test.", RecordType.A);
        Assert.Equal(SecurityStatus.Secure, answer.Security);
    }

    [Fact]
    public async Task Concurrent_lookups_share_chain_queries()
    {
        var h = new SignedHierarchy();
        var lookup = Lookup(h);
        var answers = await Task.WhenAll(Ask(lookup, "www.example.test.", RecordType.A), Ask(lookup, "www.example.test.", RecordType.AAAA), Ask(lookup, "mail.example.test.", RecordType.A));
        Assert.All(answers, a => Assert.Equal(SecurityStatus.Secure, a.Security));
        Assert.Equal(1, h.Upstream.Count("example.test.", RecordType.DS));
        Assert.Equal(1, h.Upstream.Count("example.test.", RecordType.DNSKEY));
        Assert.Equal(1, h.Upstream.Count(".", RecordType.DNSKEY));
    }
}
