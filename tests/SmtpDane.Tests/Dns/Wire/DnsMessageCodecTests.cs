using System.Net;
using SmtpDane.Dns;
using SmtpDane.Dns.Wire;
using SmtpDane.Dns.ZoneFile;

namespace SmtpDane.Tests.Dns.Wire;

public class DnsMessageCodecTests
{
    private static readonly byte[] Header1Question = [0x12, 0x34, 0x81, 0x80, 0, 3, 0, 0, 0, 0, 0, 0];

    [Fact]
    public void RFC_1035_section_4_1_4_compression_example_decodes()
    {
        // F.ISI.ARPA at offset 12; FOO.F.ISI.ARPA as "FOO" + pointer to 12; ARPA as a pointer to offset 18
        // (the RFC's offsets 20/40/64 shifted into a real message: the names are questions here).
        var m = new List<byte>(Header1Question);
        m.AddRange([1, (byte)'F', 3, (byte)'I', (byte)'S', (byte)'I', 4, (byte)'A', (byte)'R', (byte)'P', (byte)'A', 0, 0, 1, 0, 1]);
        m.AddRange([3, (byte)'F', (byte)'O', (byte)'O', 0xC0, 12, 0, 1, 0, 1]);
        m.AddRange([0xC0, 18, 0, 1, 0, 1]);
        var msg = DnsMessageDecoder.Decode(m.ToArray());
        Assert.Equal(["F.ISI.ARPA.", "FOO.F.ISI.ARPA.", "ARPA."], msg.Questions.Select(q => q.Name.ToString()));
        Assert.True(msg.IsResponse);
        Assert.True(msg.RecursionDesired);
        Assert.True(msg.RecursionAvailable);
        Assert.Equal(0x1234, msg.Id);
    }

    public static IEnumerable<object[]> VectorZones() =>
        new[] { "dnssec/rfc4035/appendix-a.zone.signed", "dnssec/rfc5155/appendix-a.zone.signed",
                "dnssec/rfc6605/p384.zone", "dnssec/rfc8080/ed448-examples.zone" }.Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(VectorZones))]
    public void Messages_holding_every_record_of_a_vector_zone_round_trip(string file)
    {
        var records = ZoneFileLoader.Load(TestVectors.PathOf(file));
        var msg = new DnsMessage
        {
            Id = 0xBEEF, IsResponse = true, AuthenticData = true, RecursionDesired = true, RecursionAvailable = true,
            Rcode = DnsRcode.NoError, Questions = [new DnsQuestion(records[0].Owner, RecordType.ANY)],
            Answers = records.Take(records.Count / 2).ToList(), Authority = records.Skip(records.Count / 2).ToList(),
            Edns = new EdnsInfo(1232, 0, true, []),
        };
        foreach (var compress in new[] { true, false })
        {
            var wire = DnsMessageEncoder.Encode(msg, compress);
            WireAssert.Same(msg, DnsMessageDecoder.Decode(wire));
        }
        Assert.True(DnsMessageEncoder.Encode(msg, true).Length < DnsMessageEncoder.Encode(msg, false).Length);
    }

    [Fact]
    public void Compressed_names_inside_MX_RDATA_are_expanded_and_case_kept()
    {
        // Question "Example.COM" at 12; answer owner pointer to 12; MX exchange "mail" + pointer to 12.
        var m = new List<byte> { 0, 1, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0 };
        m.AddRange([7, .. "Example"u8, 3, .. "COM"u8, 0, 0, 15, 0, 1]);
        m.AddRange([0xC0, 12, 0, 15, 0, 1, 0, 0, 0x0E, 0x10, 0, 9, 0, 10, 4, .. "mail"u8, 0xC0, 12]);
        var msg = DnsMessageDecoder.Decode(m.ToArray());
        var rr = Assert.Single(msg.Answers);
        var mx = Assert.IsType<MxRecord>(rr.Data);
        Assert.Equal("mail.Example.COM.", mx.Exchange.ToString());
        Assert.Equal([0, 10, 4, .. "mail"u8, 7, .. "Example"u8, 3, .. "COM"u8, 0], rr.RData);
        Assert.Equal([0, 10, 4, .. "mail"u8, 7, .. "example"u8, 3, .. "com"u8, 0], rr.CanonicalRData());
        Assert.Equal(3600u, rr.Ttl);
    }

    [Fact]
    public void Canonical_RDATA_lower_cases_RRSIG_signer_but_not_NSEC_next_name()
    {
        var sig = ZoneFileParser.ParseRecord("a.example. 1 IN RRSIG A 8 2 3600 1 0 1 EXAMPLE. AAAA");
        Assert.Contains((byte)'E', sig.RData);
        Assert.DoesNotContain((byte)'E', sig.CanonicalRData());
        var nsec = ZoneFileParser.ParseRecord("a.example. 1 IN NSEC B.example. A");
        Assert.Equal(nsec.RData, nsec.CanonicalRData()); // RFC 6840 §5.1
    }

    [Fact]
    public void EDNS_fields_extended_rcode_and_extended_errors_round_trip()
    {
        var msg = new DnsMessage
        {
            Id = 7, IsResponse = true, Rcode = DnsRcode.BadVers,
            Questions = [new DnsQuestion(DnsName.Parse("example."), RecordType.A)],
            Edns = new EdnsInfo(4096, 0, true, [new EdnsOption(15, new ExtendedDnsError(7, "sig expired").ToOptionData())]),
        };
        var wire = DnsMessageEncoder.Encode(msg);
        var back = DnsMessageDecoder.Decode(wire);
        Assert.Equal(DnsRcode.BadVers, back.Rcode);
        Assert.Equal(0, wire[3] & 0xF);                  // header holds only the low 4 bits (16 & 0xF = 0)
        Assert.True(back.Edns!.DnssecOk);
        Assert.Equal(4096, back.Edns.UdpPayloadSize);
        var ede = Assert.Single(back.Edns.ExtendedErrors);
        Assert.Equal(7, ede.InfoCode);
        Assert.Equal("sig expired", ede.ExtraText);
        Assert.Empty(back.Additional);
    }

    [Fact]
    public void Query_sets_RD_DO_CD_and_advertises_1232()
    {
        var q = DnsMessage.Query(42, DnsName.Parse("example."), RecordType.TLSA, dnssecOk: true, checkingDisabled: true);
        var back = DnsMessageDecoder.Decode(DnsMessageEncoder.Encode(q));
        Assert.False(back.IsResponse);
        Assert.True(back.RecursionDesired);
        Assert.True(back.CheckingDisabled);
        Assert.True(back.Edns!.DnssecOk);
        Assert.Equal(1232, back.Edns.UdpPayloadSize);
        Assert.Equal(new DnsQuestion(DnsName.Parse("example."), RecordType.TLSA), Assert.Single(back.Questions));
    }

    private static byte[] Msg(ushort qd, ushort an, ushort ns, ushort ar, params byte[][] body)
    {
        var m = new List<byte> { 0, 1, 0x81, 0x80, (byte)(qd >> 8), (byte)qd, (byte)(an >> 8), (byte)an,
            (byte)(ns >> 8), (byte)ns, (byte)(ar >> 8), (byte)ar };
        foreach (var b in body) m.AddRange(b);
        return m.ToArray();
    }

    private static readonly byte[] QExample = [7, .. "example"u8, 0, 0, 1, 0, 1]; // example. IN A at 12..24

    private static byte[] Rr(byte[] owner, ushort type, byte[] rdata, ushort rdlength = ushort.MaxValue) =>
        [.. owner, (byte)(type >> 8), (byte)type, 0, 1, 0, 0, 0, 60,
         (byte)((rdlength == ushort.MaxValue ? rdata.Length : rdlength) >> 8),
         (byte)(rdlength == ushort.MaxValue ? rdata.Length : rdlength), .. rdata];

    public static IEnumerable<object[]> Malformed()
    {
        byte[] ptr12 = [0xC0, 12];
        object[] Case(string d, byte[] m, DnsFormatError e) => [d, m, e];
        yield return Case("empty message", [], DnsFormatError.Truncated);
        yield return Case("header cut at 11 octets", Msg(0, 0, 0, 0)[..11], DnsFormatError.Truncated);
        yield return Case("question count beyond the message", Msg(1000, 0, 0, 0, QExample), DnsFormatError.CountExceedsMessage);
        yield return Case("answer count beyond the message", Msg(1, 65535, 0, 0, QExample), DnsFormatError.CountExceedsMessage);
        yield return Case("pointer to itself", Msg(1, 0, 0, 0, [0xC0, 12, 0, 1, 0, 1]), DnsFormatError.ForwardPointer);
        yield return Case("forward pointer", Msg(1, 0, 0, 0, [0xC0, 14, 0, 0, 1, 0, 1]), DnsFormatError.ForwardPointer);
        yield return Case("two pointers forming a loop (12→14, 14→12)",
            Msg(2, 0, 0, 0, [0xC0, 14, 0, 1, 0, 1], [0xC0, 12, 0, 1, 0, 1]), DnsFormatError.ForwardPointer);
        yield return Case("pointer beyond the message", Msg(1, 0, 0, 0, [0xFF, 0xFF, 0, 1, 0, 1]), DnsFormatError.ForwardPointer);
        yield return Case("label length 64 uses reserved label type 01", Msg(1, 0, 0, 0, [0x40, .. new byte[64], 0, 0, 1, 0, 1]),
            DnsFormatError.BadLabelType);
        yield return Case("label type 10", Msg(1, 0, 0, 0, [0x80, 0, 0, 1, 0, 1]), DnsFormatError.BadLabelType);
        // Each question adds one 63-octet label in front of the previous name: the 4th name is 4*64+1 = 257 octets.
        var chain = new List<byte[]> { (byte[])[63, .. new byte[63], 0, 0, 1, 0, 1] };
        int prev = 12;
        for (int i = 0; i < 3; i++)
        {
            int here = 12 + chain.Sum(c => c.Length);
            chain.Add([63, .. new byte[63], (byte)(0xC0 | (prev >> 8)), (byte)prev, 0, 1, 0, 1]);
            prev = here;
        }
        yield return Case("name longer than 255 octets via pointers", Msg(4, 0, 0, 0, [.. chain]), DnsFormatError.NameTooLong);
        yield return Case("label runs past the end", Msg(1, 0, 0, 0, [9, (byte)'a', 0, 0, 1, 0, 1]), DnsFormatError.Truncated);
        yield return Case("RDLENGTH beyond the message", Msg(1, 1, 0, 0, QExample, Rr(ptr12, 1, [192, 0, 2], 4)), DnsFormatError.Truncated);
        yield return Case("A RDATA of 5 octets", Msg(1, 1, 0, 0, QExample, Rr(ptr12, 1, [192, 0, 2, 1, 9])), DnsFormatError.RDataLengthMismatch);
        yield return Case("MX RDATA with a trailing octet", Msg(1, 1, 0, 0, QExample, Rr(ptr12, 15, [0, 1, 0, 9])), DnsFormatError.RDataLengthMismatch);
        yield return Case("MX RDATA cut inside the name", Msg(1, 1, 0, 0, QExample, Rr(ptr12, 15, [0, 1, 3, (byte)'a'])), DnsFormatError.Truncated);
        yield return Case("compressed RRSIG signer name (RFC 4034 §3.1.7)",
            Msg(1, 1, 0, 0, QExample, Rr(ptr12, 46, [0, 1, 8, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 1, 0, 1, 0xC0, 12, 1, 2])),
            DnsFormatError.PointerNotAllowed);
        yield return Case("compressed NSEC next name", Msg(1, 1, 0, 0, QExample, Rr(ptr12, 47, [0xC0, 12, 0, 1, 0x40])),
            DnsFormatError.PointerNotAllowed);
        yield return Case("compressed DNAME target (RFC 6672 §2.5)", Msg(1, 1, 0, 0, QExample, Rr(ptr12, 39, [0xC0, 12])),
            DnsFormatError.PointerNotAllowed);
        yield return Case("NSEC bitmap windows out of order", Msg(1, 1, 0, 0, QExample, Rr(ptr12, 47, [0, 1, 1, 0x40, 0, 1, 0x40])),
            DnsFormatError.InvalidRData);
        yield return Case("NSEC bitmap window length 0", Msg(1, 1, 0, 0, QExample, Rr(ptr12, 47, [0, 0, 0])), DnsFormatError.InvalidRData);
        yield return Case("NSEC3 with zero hash length", Msg(1, 1, 0, 0, QExample, Rr(ptr12, 50, [1, 0, 0, 0, 0, 0])), DnsFormatError.InvalidRData);
        yield return Case("octets after the last record", Msg(1, 0, 0, 0, QExample, [0]), DnsFormatError.TrailingData);
        yield return Case("OPT in the answer section", Msg(1, 1, 0, 0, QExample, Rr([0], 41, [])), DnsFormatError.InvalidOpt);
        yield return Case("two OPT records", Msg(1, 0, 0, 2, QExample, Rr([0], 41, []), Rr([0], 41, [])), DnsFormatError.InvalidOpt);
        yield return Case("OPT not owned by the root", Msg(1, 0, 0, 1, QExample, Rr(ptr12, 41, [])), DnsFormatError.InvalidOpt);
        yield return Case("EDNS option running past OPT RDATA", Msg(1, 0, 0, 1, QExample, Rr([0], 41, [0, 15, 0, 9, 0, 1])),
            DnsFormatError.BadEdnsOption);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_input_is_a_specific_format_error(string description, byte[] message, DnsFormatError expected)
    {
        var e = Assert.Throws<DnsFormatException>(() => DnsMessageDecoder.Decode(message));
        Assert.True(expected == e.Reason, $"{description}: got {e.Reason}: {e.Message}");
    }

    [Fact]
    public void Name_of_exactly_255_octets_via_pointers_is_accepted()
    {
        // 3 labels of 63 + one of 61 = 3*64 + 62 + 1 = 255 octets.
        var q1 = (byte[])[61, .. new byte[61], 0, 0, 1, 0, 1];
        var body = new List<byte[]> { q1 };
        int prev = 12;
        for (int i = 0; i < 3; i++)
        {
            int here = 12 + body.Sum(c => c.Length);
            body.Add([63, .. new byte[63], (byte)(0xC0 | (prev >> 8)), (byte)prev, 0, 1, 0, 1]);
            prev = here;
        }
        var msg = DnsMessageDecoder.Decode(Msg(4, 0, 0, 0, [.. body]));
        Assert.Equal(255, msg.Questions[3].Name.WireLength);
    }

    [Fact]
    public void Unknown_types_keep_their_octets_even_if_they_look_compressed()
    {
        var msg = DnsMessageDecoder.Decode(Msg(1, 1, 0, 0, QExample, Rr([0xC0, 12], 65280, [0xC0, 12])));
        var rr = Assert.Single(msg.Answers);
        Assert.Equal(new byte[] { 0xC0, 12 }, Assert.IsType<UnknownRecord>(rr.Data).Data);
        Assert.Equal(rr.RData, rr.CanonicalRData());
    }

    [Fact]
    public void A_and_AAAA_decode_to_addresses()
    {
        var msg = DnsMessageDecoder.Decode(Msg(1, 2, 0, 0, QExample, Rr([0xC0, 12], 1, [192, 0, 2, 1]),
            Rr([0xC0, 12], 28, [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])));
        Assert.Equal(IPAddress.Parse("192.0.2.1"), msg.Answers[0].As<AddressRecord>()!.Address);
        Assert.Equal(IPAddress.Parse("2001:db8::1"), msg.Answers[1].As<AddressRecord>()!.Address);
    }
}
