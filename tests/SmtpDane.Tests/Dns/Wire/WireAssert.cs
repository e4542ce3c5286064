using SmtpDane.Dns;
using SmtpDane.Dns.Wire;

namespace SmtpDane.Tests.Dns.Wire;

internal static class WireAssert
{
    /// <summary>Field-by-field equality of two messages, including every record's TTL and exact RDATA octets.</summary>
    public static void Same(DnsMessage expected, DnsMessage actual)
    {
        Assert.Equal(expected with { Questions = [], Answers = [], Authority = [], Additional = [], Edns = null },
            actual with { Questions = [], Answers = [], Authority = [], Additional = [], Edns = null });
        Assert.Equal(expected.Questions, actual.Questions);
        Assert.Equal(expected.Edns, actual.Edns);
        SameRecords(expected.Answers, actual.Answers);
        SameRecords(expected.Authority, actual.Authority);
        SameRecords(expected.Additional, actual.Additional);
    }

    public static void SameRecords(IReadOnlyList<ResourceRecord> expected, IReadOnlyList<ResourceRecord> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
            Assert.Equal(expected[i].Ttl, actual[i].Ttl);
            Assert.Equal(expected[i].RData, actual[i].RData);
            Assert.Equal(expected[i].Owner.ToWire(), actual[i].Owner.ToWire()); // case preserved
        }
    }
}
