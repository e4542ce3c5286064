namespace SmtpDane.Dns.Wire;

/// <summary>Encodes a <see cref="DnsMessage"/> (RFC 1035 §4.1). Owner and question names are compressed when
/// <c>compress</c> is true (RFC 1035 §4.1.4); RDATA is written uncompressed, which every reader accepts.</summary>
public static class DnsMessageEncoder
{
    public static byte[] Encode(DnsMessage m, bool compress = true)
    {
        if ((ushort)m.Rcode > 0xF && m.Edns is null)
            throw new ArgumentException($"RCODE {m.Rcode} needs an OPT record (RFC 6891 §6.1.3)");
        if ((ushort)m.Rcode > 0xFFF) throw new ArgumentException("RCODE exceeds 12 bits");
        var w = new WireWriter(compress);
        w.U16(m.Id);
        int flags = (m.IsResponse ? 0x8000 : 0) | ((m.Opcode & 0xF) << 11) | (m.AuthoritativeAnswer ? 0x0400 : 0) |
                    (m.Truncated ? 0x0200 : 0) | (m.RecursionDesired ? 0x0100 : 0) | (m.RecursionAvailable ? 0x0080 : 0) |
                    (m.Z ? 0x0040 : 0) | (m.AuthenticData ? 0x0020 : 0) | (m.CheckingDisabled ? 0x0010 : 0) |
                    ((ushort)m.Rcode & 0xF);
        w.U16((ushort)flags);
        w.U16(Count(m.Questions.Count));
        w.U16(Count(m.Answers.Count));
        w.U16(Count(m.Authority.Count));
        w.U16(Count(m.Additional.Count + (m.Edns is null ? 0 : 1)));
        foreach (var q in m.Questions)
        {
            w.Name(q.Name);
            w.U16((ushort)q.Type);
            w.U16((ushort)q.Class);
        }
        foreach (var rr in m.Answers.Concat(m.Authority).Concat(m.Additional)) Record(w, rr.Owner, rr.Type, (ushort)rr.Class, rr.Ttl, rr.RData);
        if (m.Edns is { } e)
        {
            uint ttl = ((uint)((ushort)m.Rcode >> 4) << 24) | ((uint)e.Version << 16) | (e.DnssecOk ? 0x8000u : 0) | (e.OtherFlags & 0x7FFFu);
            Record(w, DnsName.Root, RecordType.OPT, e.UdpPayloadSize, ttl,
                RDataCodec.Encode(RecordType.OPT, new OptRecord(e.Options), canonical: false));
        }
        return w.ToArray();
    }

    private static ushort Count(int n) => n <= ushort.MaxValue ? (ushort)n : throw new ArgumentException("section too large");

    private static void Record(WireWriter w, DnsName owner, RecordType type, ushort cls, uint ttl, byte[] rdata)
    {
        w.Name(owner);
        w.U16((ushort)type);
        w.U16(cls);
        w.U32(ttl);
        w.U16((ushort)rdata.Length);
        w.Bytes(rdata);
    }
}
