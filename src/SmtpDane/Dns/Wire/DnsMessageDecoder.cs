namespace SmtpDane.Dns.Wire;

/// <summary>Decodes a DNS message from octets (RFC 1035 §4.1). Strict: every limit violation is a
/// <see cref="DnsFormatException"/> with its reason, and nothing else escapes.</summary>
public static class DnsMessageDecoder
{
    /// <summary>RFC 1035 §4.1.1: the header is 12 octets.</summary>
    public const int HeaderOctets = 12;

    public static DnsMessage Decode(ReadOnlySpan<byte> message)
    {
        try
        {
            return DecodeCore(message);
        }
        catch (DnsFormatException) { throw; }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or OverflowException or FormatException)
        {
            // Defence in depth: a bug in a field parser must still surface as a format error, not a crash.
            throw new DnsFormatException(DnsFormatError.InvalidRData, 0, e.Message);
        }
    }

    private static DnsMessage DecodeCore(ReadOnlySpan<byte> message)
    {
        var r = new WireReader(message, 0, message.Length);
        if (message.Length < HeaderOctets)
            throw new DnsFormatException(DnsFormatError.Truncated, 0, $"message of {message.Length} octets has no full header");
        ushort id = r.U16("ID"), flags = r.U16("flags");
        int qd = r.U16("QDCOUNT"), an = r.U16("ANCOUNT"), ns = r.U16("NSCOUNT"), ar = r.U16("ARCOUNT");
        // Reject counts the message cannot hold before allocating anything for them.
        long minimum = (long)qd * DnsLimits.MinQuestionOctets + (long)(an + ns + ar) * DnsLimits.MinResourceRecordOctets;
        if (minimum > r.Remaining)
            throw new DnsFormatException(DnsFormatError.CountExceedsMessage, 4,
                $"counts qd={qd} an={an} ns={ns} ar={ar} need at least {minimum} octets, {r.Remaining} left");

        var questions = new List<DnsQuestion>(qd);
        for (int i = 0; i < qd; i++)
            questions.Add(new DnsQuestion(r.Name(allowCompression: true), (RecordType)r.U16("QTYPE"), (RecordClass)r.U16("QCLASS")));
        var answers = Section(ref r, an, "answer", message);
        var authority = Section(ref r, ns, "authority", message);
        var additional = Section(ref r, ar, "additional", message);
        if (r.Remaining > 0)
            throw new DnsFormatException(DnsFormatError.TrailingData, r.Position, $"{r.Remaining} octets after the last record");

        foreach (var rr in answers.Concat(authority))
            if (rr.Type == RecordType.OPT)
                throw new DnsFormatException(DnsFormatError.InvalidOpt, 0, "OPT outside the additional section (RFC 6891 §6.1.1)");
        var opts = additional.Where(a => a.Type == RecordType.OPT).ToList();
        if (opts.Count > 1)
            throw new DnsFormatException(DnsFormatError.InvalidOpt, 0, "more than one OPT record (RFC 6891 §6.1.1)");
        EdnsInfo? edns = null;
        ushort rcode = (ushort)(flags & 0x000F);
        if (opts.Count == 1)
        {
            var opt = opts[0];
            if (!opt.Owner.IsRoot)
                throw new DnsFormatException(DnsFormatError.InvalidOpt, 0, "OPT owner is not the root (RFC 6891 §6.1.2)");
            // RFC 6891 §6.1.3: TTL = EXTENDED-RCODE(8) VERSION(8) DO(1) Z(15).
            rcode |= (ushort)((opt.Ttl >> 24) << 4);
            edns = new EdnsInfo((ushort)opt.Class, (byte)(opt.Ttl >> 16), (opt.Ttl & 0x8000) != 0,
                ((OptRecord)opt.Data).Options, (ushort)(opt.Ttl & 0x7FFF));
            additional.Remove(opt);
        }

        return new DnsMessage
        {
            Id = id,
            IsResponse = (flags & 0x8000) != 0,
            Opcode = (byte)((flags >> 11) & 0xF),
            AuthoritativeAnswer = (flags & 0x0400) != 0,
            Truncated = (flags & 0x0200) != 0,
            RecursionDesired = (flags & 0x0100) != 0,
            RecursionAvailable = (flags & 0x0080) != 0,
            Z = (flags & 0x0040) != 0,
            AuthenticData = (flags & 0x0020) != 0,
            CheckingDisabled = (flags & 0x0010) != 0,
            Rcode = (DnsRcode)rcode,
            Questions = questions,
            Answers = answers,
            Authority = authority,
            Additional = additional,
            Edns = edns,
        };
    }

    private static List<ResourceRecord> Section(ref WireReader r, int count, string section, ReadOnlySpan<byte> message)
    {
        var list = new List<ResourceRecord>(Math.Min(count, 64));
        for (int i = 0; i < count; i++)
        {
            var owner = r.Name(allowCompression: true);
            var type = (RecordType)r.U16($"{section} TYPE");
            var cls = (RecordClass)r.U16($"{section} CLASS");
            uint ttl = r.U32($"{section} TTL");
            int rdlength = r.U16($"{section} RDLENGTH");
            int start = r.Position;
            if (rdlength > r.Remaining)
                throw new DnsFormatException(DnsFormatError.Truncated, start,
                    $"{type.ToText()} RDLENGTH {rdlength} exceeds the {r.Remaining} octets left");
            var rdReader = new WireReader(message, start, start + rdlength);
            var data = RDataCodec.Decode(type, ref rdReader, allowCompression: true);
            // Names in compressible types are stored expanded so the octets mean something outside this message
            // (RFC 4034 §6.2 needs the uncompressed form); all other RDATA is kept exactly as received.
            var raw = RDataCodec.AllowsCompression(type)
                ? RDataCodec.Encode(type, data, canonical: false)
                : message.Slice(start, rdlength).ToArray();
            list.Add(new ResourceRecord(owner, type, cls, ttl, raw, data));
            r.Position = start + rdlength;
        }
        return list;
    }
}
