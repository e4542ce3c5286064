using SmtpDane.Dns;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;
using static SmtpDane.Tests.Probe.FakeAnswers;

namespace SmtpDane.Tests.Probe;

public class DnsFactMapperTests
{
    [Fact]
    public void Answers_are_listed_in_canonical_order_whatever_order_the_resolver_used()
    {
        var low = new TlsaRecord(3, 1, 1, Enumerable.Repeat((byte)0x11, 32).ToArray());
        var high = new TlsaRecord(3, 1, 1, Enumerable.Repeat((byte)0xEE, 32).ToArray());
        var a = DnsFactMapper.ToFact(Secure("_25._tcp.mx.example.org", RecordType.TLSA, high, low));
        var b = DnsFactMapper.ToFact(Secure("_25._tcp.mx.example.org", RecordType.TLSA, low, high));
        Assert.Equal(a.Answers, b.Answers);
        Assert.Contains("1111", a.Answers[0]);
    }

    [Fact]
    public void Security_denial_and_reason_are_carried_over()
    {
        var f = DnsFactMapper.ToFact(Failed("mx.example.org", RecordType.A, SecurityStatus.Bogus, DnsProblemKind.SignatureExpired));
        Assert.Equal((DnsSecurity.Bogus, DnsDenial.None), (f.Security, f.Denial));
        Assert.Equal(7, f.EdeCode); // RFC 8914 §4.8 Signature Expired
        Assert.Contains("SignatureExpired", f.Reason);
    }
}
