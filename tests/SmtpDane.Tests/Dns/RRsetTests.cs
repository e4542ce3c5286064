using SmtpDane.Dns;
using SmtpDane.Dns.Wire;
using SmtpDane.Dns.ZoneFile;

namespace SmtpDane.Tests.Dns;

public class RRsetTests
{
    [Fact]
    public void Groups_by_owner_type_class_attaches_covering_RRSIGs_and_drops_duplicates()
    {
        var recs = ZoneFileParser.Parse("""
            example. 300 IN NS ns2.example.
            EXAMPLE. 200 IN NS ns1.example.
            example. 300 IN RRSIG NS 8 1 300 1 0 1 example. AAAA
            example. 300 IN RRSIG A 8 1 300 1 0 1 example. AAAA
            example. 300 IN NS NS2.example.
            www.example. 60 IN A 192.0.2.1
            example. 300 IN RRSIG NS 13 1 300 1 0 2 example. AAAA
            """, "t");
        var sets = RRset.Group(recs);
        Assert.Equal(2, sets.Count);
        var ns = sets[0];
        Assert.Equal((RecordType.NS, 200u), (ns.Type, ns.Ttl));                // RFC 2181 §5.2: smallest TTL
        Assert.Equal(2, ns.Records.Count);                                     // NS2.example. duplicates ns2.example.
        Assert.Equal([1, 2], ns.Rrsigs.Select(s => (int)s.KeyTag));
        Assert.Equal(RecordType.A, sets[1].Type);
        Assert.Empty(sets[1].Signatures);                                      // the RRSIG A is owned by example., not www
    }

    [Fact]
    public void Canonical_order_sorts_by_canonical_RDATA()
    {
        var recs = ZoneFileParser.Parse("""
            example. 300 IN NS b.example.
            example. 300 IN NS A.example.
            example. 300 IN NS a.b.example.
            """, "t");
        var set = Assert.Single(RRset.Group(recs));
        // RFC 4034 §6.3: octet-string order of the canonical (lower-cased) RDATA, not name order:
        // a.b.example. = 01 61 01 62 … sorts before a.example. = 01 61 07 65 … (third octet 01 < 07).
        Assert.Equal(["a.b.example.", "A.example.", "b.example."],
            set.CanonicalOrder().Select(r => r.As<NsRecord>()!.Host.ToString()));
    }

    [Fact]
    public void Created_records_of_known_types_always_carry_their_typed_data()
    {
        var rr = ResourceRecord.Create(DnsName.Parse("a."), RecordType.CNAME, RecordClass.IN, 1,
            new UnknownRecord(DnsName.Parse("b.").ToWire()));
        Assert.Equal(DnsName.Parse("b."), Assert.IsType<CnameRecord>(rr.Data).Target);
        Assert.Throws<DnsFormatException>(() => ResourceRecord.Create(DnsName.Parse("a."), RecordType.A, RecordClass.IN, 1,
            new UnknownRecord([1, 2, 3])));
        Assert.Throws<ArgumentException>(() => ResourceRecord.Create(DnsName.Parse("a."), RecordType.A, RecordClass.IN, 1,
            new MxRecord(1, DnsName.Root)));
    }
}
