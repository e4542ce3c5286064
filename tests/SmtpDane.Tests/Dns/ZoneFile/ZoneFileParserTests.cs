using System.Net;
using SmtpDane.Dns;
using SmtpDane.Dns.Wire;
using SmtpDane.Dns.ZoneFile;

namespace SmtpDane.Tests.Dns.ZoneFile;

public class ZoneFileParserTests
{
    /// <summary>Record counts per vector file, taken by counting non-comment lines with " IN " (grep), independent
    /// of this parser.</summary>
    [Theory]
    [InlineData("dnssec/rfc4035/appendix-a.zone.signed", 63)]
    [InlineData("dnssec/rfc5155/appendix-a.zone.signed", 70)]
    [InlineData("dnssec/rfc6605/p256.zone", 4)]
    [InlineData("dnssec/rfc6605/p384.zone", 4)]
    [InlineData("dnssec/rfc8080/ed25519-example1.zone", 4)]
    [InlineData("dnssec/rfc8080/ed25519-example2.zone", 4)]
    [InlineData("dnssec/rfc8080/ed448-examples.zone", 5)]
    [InlineData("dnssec/rfc5702/rsasha256.zone", 3)]
    [InlineData("dnssec/rfc5702/rsasha512.zone", 3)]
    [InlineData("dnssec/root-anchors/root-ksk.zone", 4)]
    [InlineData("dnssec/ds-keytag/rfc3658-2.7_rsamd5_keytag.zone", 2)]
    [InlineData("dnssec/ds-keytag/rfc4034-5.4_rfc4509-2.3_dskey.zone", 3)]
    public void Every_record_of_the_vector_zones_parses_and_round_trips(string file, int expectedCount)
    {
        var records = ZoneFileLoader.Load(TestVectors.PathOf(file));
        Assert.Equal(expectedCount, records.Count);
        foreach (var rr in records)
        {
            Assert.IsNotType<UnknownRecord>(rr.Data);
            // Wire round trip: the RDATA octets decode back to the same typed value.
            Assert.Equal(rr.Data, RDataCodec.DecodeStandalone(rr.Type, rr.RData));
            // Presentation round trip: our own output parses back to the same record.
            var again = ZoneFileParser.ParseRecord(rr.ToString());
            Assert.Equal(rr, again);
            Assert.Equal(rr.Ttl, again.Ttl);
        }
    }

    [Fact]
    public void RFC_5155_apex_NSEC3_encodes_to_the_published_wire_form()
    {
        var lines = TestVectors.Read("dnssec/rfc5155/nsec3-rdata-wire.txt").Split('\n').Where(l => !l.StartsWith(';')).ToList();
        var rr = ZoneFileParser.ParseRecord(lines[0]);
        Assert.Equal(Convert.FromHexString(lines[1].Trim()), rr.RData);
        var n3 = Assert.IsType<Nsec3Record>(rr.Data);
        Assert.True(n3.OptOut);
        Assert.Equal(12, n3.Iterations);
        Assert.True(n3.Types.Contains(RecordType.NSEC3PARAM));
        Assert.False(n3.Types.Contains(RecordType.A));
        var empty = Assert.IsType<Nsec3Record>(ZoneFileParser.ParseRecord(
            "x.example. 1 IN NSEC3 1 1 12 - 2t7b4g4vsa5smi47k61mv5bv1a22bojr A").Data);
        Assert.Empty(empty.Salt);
    }

    [Fact]
    public void TLSA_examples_of_RFC_6698_parse_with_parentheses_and_no_TTL()
    {
        var recs = ZoneFileLoader.Load(TestVectors.PathOf("dane/rfc6698/tlsa-presentation-examples.txt"), defaultTtl: 3600);
        var t = Assert.IsType<TlsaRecord>(recs[0].Data);
        Assert.Equal((0, 0, 1, 32), (t.Usage, t.Selector, t.MatchingType, t.Data.Length));
        Assert.Equal(Convert.FromHexString("000001d2abde240d7cd3ee6b4b28c54df034b97983a1d16e8a410e4561cb106618e971"), recs[0].RData);
        var t2 = Assert.IsType<TlsaRecord>(recs[1].Data);
        Assert.Equal((1, 1, 2, 64), (t2.Usage, t2.Selector, t2.MatchingType, t2.Data.Length));
    }

    [Fact]
    public void RFC_4034_section_4_3_NSEC_example_has_the_published_type_bitmap()
    {
        var rr = ZoneFileParser.ParseRecord(
            "alfa.example.com. 86400 IN NSEC host.example.com. ( A MX RRSIG NSEC TYPE1234 )");
        // RFC 4034 §4.3 wire form after the next-name.
        var bitmap = Convert.FromHexString("0006400100000003041B" + new string('0', 52) + "20");
        var expected = DnsName.Parse("host.example.com.").ToWire().Concat(bitmap).ToArray();
        Assert.Equal(expected, rr.RData);
    }

    [Fact]
    public void Directives_relative_names_inherited_owner_ttl_and_comments()
    {
        const string zone = """
            $ORIGIN example.com.
            $TTL 1h
            @       IN SOA ns1 hostmaster ( 2024010101 ; serial
                                             7200 3600 1209600 300 )
                    IN MX 10 mail            ; owner inherited
            mail 60 IN A 192.0.2.1
            www     CNAME mail
            _25._tcp.mail IN 300 TLSA 3 1 1 ( 0123456789abcdef
                                               0123456789ABCDEF )
            txt     TXT "a \"quoted\" string; not a comment" plain \065
            """;
        var recs = ZoneFileParser.Parse(zone, "test");
        Assert.Equal(6, recs.Count);
        var soa = Assert.IsType<SoaRecord>(recs[0].Data);
        Assert.Equal("ns1.example.com.", soa.PrimaryServer.ToString());
        Assert.Equal(3600u, recs[0].Ttl);
        Assert.Equal(300u, soa.Minimum);
        Assert.Equal(DnsName.Parse("example.com."), recs[1].Owner);
        Assert.Equal(DnsName.Parse("mail.example.com."), Assert.IsType<MxRecord>(recs[1].Data).Exchange);
        Assert.Equal(60u, recs[2].Ttl);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), Assert.IsType<AddressRecord>(recs[2].Data).Address);
        Assert.Equal(3600u, recs[3].Ttl);
        Assert.Equal(300u, recs[4].Ttl);
        Assert.Equal(16, Assert.IsType<TlsaRecord>(recs[4].Data).Data.Length);
        var txt = Assert.IsType<TxtRecord>(recs[5].Data);
        Assert.Equal(["a \"quoted\" string; not a comment", "plain", "A"],
            txt.Strings.Select(s => System.Text.Encoding.ASCII.GetString(s)));
    }

    [Fact]
    public void Generic_RFC_3597_syntax_for_known_and_unknown_types()
    {
        var a = ZoneFileParser.ParseRecord("a.example. 1 CLASS1 TYPE1 \\# 4 C0000201");
        Assert.Equal(RecordType.A, a.Type);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), Assert.IsType<AddressRecord>(a.Data).Address);
        var u = ZoneFileParser.ParseRecord("a.example. 1 IN TYPE65534 \\# 3 ( 0A 0b0c )");
        Assert.Equal((RecordType)65534, u.Type);
        Assert.Equal(new byte[] { 10, 11, 12 }, Assert.IsType<UnknownRecord>(u.Data).Data);
        var empty = ZoneFileParser.ParseRecord("a.example. 1 IN TYPE65534 \\# 0");
        Assert.Empty(empty.RData);
    }

    [Fact]
    public void RRSIG_times_accept_both_forms()
    {
        var a = (RrsigRecord)ZoneFileParser.ParseRecord(
            "x. 1 IN RRSIG A 8 1 3600 20300101000000 946684800 1 x. AAAA").Data;
        Assert.Equal(1893456000u, a.Expiration);
        Assert.Equal(946684800u, a.Inception);
        var mnemonic = (RrsigRecord)ZoneFileParser.ParseRecord(
            "x. 1 IN RRSIG A RSASHA256 1 3600 1893456000 946684800 1 x. AAAA").Data;
        Assert.Equal(8, mnemonic.Algorithm);
        Assert.Equal(a, mnemonic);
    }

    [Theory]
    [InlineData("unknown type", "x. 1 IN FOO 1", 1)]
    [InlineData("IPv4 shorthand is not an address", "x. 1 IN A 1", 1)]
    [InlineData("IPv6 in an A record", "x. 1 IN A ::1", 1)]
    [InlineData("MX preference out of range", "x. 1 IN MX 65536 mail.", 1)]
    [InlineData("trailing field", "x. 1 IN MX 1 mail. extra", 1)]
    [InlineData("missing field", "x. 1 IN SRV 1 2 3", 1)]
    [InlineData("TLSA usage above 255", "x. 1 IN TLSA 256 0 1 12ab", 1)]
    [InlineData("odd hex", "x. 1 IN DS 1 8 2 ABC", 1)]
    [InlineData("bad base64", "x. 1 IN DNSKEY 256 3 8 !!!!", 1)]
    [InlineData("bad RRSIG date", "x. 1 IN RRSIG A 8 1 1 20301301000000 1 1 x. AAAA", 1)]
    [InlineData("no TTL at all", "x. IN A 192.0.2.1", 1)]
    [InlineData("\\# length mismatch", "x. 1 IN TYPE9999 \\# 3 0a0b", 1)]
    [InlineData("\\# data not a valid A", "x. 1 IN A \\# 3 0a0b0c", 1)]
    [InlineData("unbalanced parenthesis", "x. 1 IN A ( 192.0.2.1", 1)]
    [InlineData("error on the third line is reported there", "x. 1 IN A 192.0.2.1\n\ny. 1 IN A 300.0.0.1", 3)]
    [InlineData("$INCLUDE refused", "$INCLUDE /etc/passwd", 1)]
    [InlineData("relative $ORIGIN", "$ORIGIN example", 1)]
    [InlineData("owner inherited with no previous owner", " 1 IN A 192.0.2.1", 1)]
    [InlineData("bad name escape", "x\\999. 1 IN A 192.0.2.1", 1)]
    public void Errors_carry_the_line_number(string description, string text, int line)
    {
        var e = Assert.Throws<ZoneFileException>(() => ZoneFileParser.Parse(text, "t.zone"));
        Assert.True(line == e.Line, $"{description}: line {e.Line}: {e.Message}");
        Assert.StartsWith("t.zone:", e.Message);
    }

    [Fact]
    public void Missing_file_is_a_zone_file_error()
    {
        var e = Assert.Throws<ZoneFileException>(() => ZoneFileLoader.Load("/nonexistent/anchors.zone"));
        Assert.Equal(0, e.Line);
    }
}
