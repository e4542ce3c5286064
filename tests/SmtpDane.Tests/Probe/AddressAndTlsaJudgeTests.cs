using SmtpDane.Cli;
using SmtpDane.Dns;
using SmtpDane.Probe;
using static SmtpDane.Tests.Probe.FakeAnswers;

namespace SmtpDane.Tests.Probe;

public class AddressAndTlsaJudgeTests
{
    private static readonly TlsaRecord Good = new(3, 1, 1, new byte[32]);

    [Fact]
    public void Secure_addresses_of_both_families_ipv4_first()
    {
        var d = AddressJudge.Decide(N("mx.example.org"), Secure("mx.example.org", RecordType.A, Ip("192.0.2.1")),
            Secure("mx.example.org", RecordType.AAAA, Ip("2001:db8::1")), AddressFamilyFilter.Any);
        Assert.Equal(["192.0.2.1", "2001:db8::1"], d.Addresses.Select(a => a.ToString()));
        Assert.True(d.DaneApplies);
        Assert.Empty(d.Findings);
    }

    [Theory]
    [InlineData(AddressFamilyFilter.IPv4Only, "192.0.2.1")]
    [InlineData(AddressFamilyFilter.IPv6Only, "2001:db8::1")]
    public void Family_filters_keep_one_family(AddressFamilyFilter family, string kept)
    {
        var d = AddressJudge.Decide(N("mx.example.org"), Secure("mx.example.org", RecordType.A, Ip("192.0.2.1")),
            Secure("mx.example.org", RecordType.AAAA, Ip("2001:db8::1")), family);
        Assert.Equal(kept, Assert.Single(d.Addresses).ToString());
    }

    [Fact]
    public void Filtering_every_address_away_is_an_error_that_says_so()
    {
        var d = AddressJudge.Decide(N("mx.example.org"), Secure("mx.example.org", RecordType.A, Ip("192.0.2.1")),
            Denied("mx.example.org", RecordType.AAAA), AddressFamilyFilter.IPv6Only);
        Assert.Empty(d.Addresses);
        var f = Assert.Single(d.Findings);
        Assert.Equal(StatusToken.NoAddresses, f.Token);
        Assert.Contains("-6", f.Message);
    }

    [Fact]
    public void Insecure_addresses_mean_dane_does_not_apply()
    {
        var d = AddressJudge.Decide(N("mx.example.org"), With("mx.example.org", RecordType.A, SecurityStatus.Insecure, Ip("192.0.2.1")),
            Denied("mx.example.org", RecordType.AAAA, security: SecurityStatus.Insecure), AddressFamilyFilter.Any);
        Assert.False(d.DaneApplies);
        Assert.Equal(StatusToken.DnssecInsecure, Assert.Single(d.Findings).Token);
        Assert.Single(d.Addresses);
    }

    [Fact]
    public void A_failed_family_is_reported_and_the_other_is_still_used()
    {
        var d = AddressJudge.Decide(N("mx.example.org"), Secure("mx.example.org", RecordType.A, Ip("192.0.2.1")),
            Failed("mx.example.org", RecordType.AAAA, SecurityStatus.Bogus, DnsProblemKind.DnssecBogus), AddressFamilyFilter.Any);
        Assert.Single(d.Addresses);
        Assert.Equal(StatusToken.DnssecBogus, Assert.Single(d.Findings).Token);
    }

    [Fact]
    public void A_secure_cname_chain_expands_the_tlsa_base_domain()
    {
        var a = Secure("mx.example.org", RecordType.A, Ip("192.0.2.1")) with
        {
            Chain = [new CnameHop(N("mx.example.org"), N("real.example.net"), SecurityStatus.Secure)],
            FinalName = N("real.example.net"),
        };
        var d = AddressJudge.Decide(N("mx.example.org"), a, Denied("mx.example.org", RecordType.AAAA), AddressFamilyFilter.Any);
        Assert.Equal(N("real.example.net"), d.ExpandedName);
    }

    [Fact]
    public void Tlsa_owner_is_port_and_protocol_under_the_base()
    {
        Assert.Equal(N("_25._tcp.mx.example.org"), TlsaJudge.OwnerFor(N("mx.example.org"), 25));
        Assert.Equal(N("_465._tcp.mx.example.org"), TlsaJudge.OwnerFor(N("mx.example.org"), 465));
    }

    [Fact]
    public void Usable_records_at_the_original_name()
    {
        var d = TlsaJudge.Decide(N("mx.example.org"), Secure("_25._tcp.mx.example.org", RecordType.TLSA, Good), null, null);
        Assert.Equal(TlsaDecisionKind.Usable, d.Kind);
        Assert.Equal(N("mx.example.org"), d.BaseDomain);
        Assert.Empty(d.Findings);
    }

    [Fact]
    public void Secure_denial_at_the_expanded_name_falls_back_to_the_original()
    {
        var d = TlsaJudge.Decide(N("mx.example.org"), Secure("_25._tcp.mx.example.org", RecordType.TLSA, Good),
            N("real.example.net"), Denied("_25._tcp.real.example.net", RecordType.TLSA));
        Assert.Equal(TlsaDecisionKind.Usable, d.Kind);
        Assert.Equal(N("mx.example.org"), d.BaseDomain);
    }

    [Fact]
    public void Records_at_the_expanded_name_win()
    {
        var d = TlsaJudge.Decide(N("mx.example.org"), Denied("_25._tcp.mx.example.org", RecordType.TLSA),
            N("real.example.net"), Secure("_25._tcp.real.example.net", RecordType.TLSA, Good));
        Assert.Equal(TlsaDecisionKind.Usable, d.Kind);
        Assert.Equal(N("real.example.net"), d.BaseDomain);
    }

    [Fact]
    public void A_failure_at_the_expanded_name_never_falls_through()
    {
        var d = TlsaJudge.Decide(N("mx.example.org"), Secure("_25._tcp.mx.example.org", RecordType.TLSA, Good),
            N("real.example.net"), Failed("_25._tcp.real.example.net", RecordType.TLSA, SecurityStatus.Indeterminate, DnsProblemKind.ServerFailure));
        Assert.Equal(TlsaDecisionKind.Failed, d.Kind);
        Assert.Equal(StatusToken.DnsFailed, Assert.Single(d.Findings).Token);
    }

    [Fact]
    public void Denied_at_both_names_is_absent_naming_both()
    {
        var d = TlsaJudge.Decide(N("mx.example.org"), Denied("_25._tcp.mx.example.org", RecordType.TLSA),
            N("real.example.net"), Denied("_25._tcp.real.example.net", RecordType.TLSA));
        Assert.Equal(TlsaDecisionKind.Absent, d.Kind);
        var f = Assert.Single(d.Findings);
        Assert.Equal(StatusToken.TlsaAbsent, f.Token);
        Assert.Contains("real.example.net", f.Message);
        Assert.Contains("mx.example.org", f.Message);
    }

    [Theory]
    [InlineData(SecurityStatus.Insecure, TlsaDecisionKind.Insecure, StatusToken.DnssecInsecure)]
    [InlineData(SecurityStatus.Bogus, TlsaDecisionKind.Failed, StatusToken.DnssecBogus)]
    public void Insecure_and_bogus_tlsa_are_not_absence(SecurityStatus security, TlsaDecisionKind kind, StatusToken token)
    {
        var answer = security == SecurityStatus.Insecure
            ? With("_25._tcp.mx.example.org", RecordType.TLSA, security, Good)
            : Failed("_25._tcp.mx.example.org", RecordType.TLSA, security, DnsProblemKind.DnssecBogus);
        var d = TlsaJudge.Decide(N("mx.example.org"), answer, null, null);
        Assert.Equal(kind, d.Kind);
        Assert.Equal(token, Assert.Single(d.Findings).Token);
    }

    [Fact]
    public void Only_pkix_usages_are_unusable()
    {
        var d = TlsaJudge.Decide(N("mx.example.org"), Secure("_25._tcp.mx.example.org", RecordType.TLSA,
            new TlsaRecord(0, 1, 1, new byte[32]), new TlsaRecord(1, 0, 1, new byte[32])), null, null);
        Assert.Equal(TlsaDecisionKind.Unusable, d.Kind);
        Assert.Equal(StatusToken.TlsaUnusable, Assert.Single(d.Findings).Token);
    }
}
