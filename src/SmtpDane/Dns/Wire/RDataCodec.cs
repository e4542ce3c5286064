using System.Net;
using System.Net.Sockets;

namespace SmtpDane.Dns.Wire;

/// <summary>RDATA ↔ typed records, per type. Decoding is strict: a known type must parse to exactly RDLENGTH octets.</summary>
public static class RDataCodec
{
    /// <summary>RFC 3597 §4: receivers MUST decompress names in the RDATA of the RFC 1035 types (NS, CNAME, SOA, PTR,
    /// MX here) and SHOULD for SRV (RFC 2052 servers compressed it). Every other type — DNAME (RFC 6672 §2.5),
    /// RRSIG and NSEC (RFC 4034 §3.1.7, §4.1.1) — must not be compressed, so a pointer there is an error.</summary>
    public static bool AllowsCompression(RecordType type) =>
        type is RecordType.NS or RecordType.CNAME or RecordType.SOA or RecordType.PTR or RecordType.MX or RecordType.SRV;

    /// <summary>RFC 4034 §6.2 item 3 (minus NSEC, RFC 6840 §5.1): types whose embedded names are lower-cased in
    /// canonical form — restricted to the types this codec decodes.</summary>
    public static bool HasLowerCasedNames(RecordType type) =>
        type is RecordType.NS or RecordType.CNAME or RecordType.SOA or RecordType.PTR or RecordType.MX or
            RecordType.SRV or RecordType.DNAME or RecordType.RRSIG;

    /// <summary>Decodes RDATA that stands alone (zone file "\#" form, tests): no compression possible.</summary>
    public static IRData DecodeStandalone(RecordType type, ReadOnlySpan<byte> rdata)
    {
        var r = new WireReader(rdata, 0, rdata.Length);
        try
        {
            return Decode(type, ref r, allowCompression: false);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or OverflowException or FormatException)
        {
            // Defence in depth, as in DnsMessageDecoder: only DnsFormatException leaves the decoder.
            throw new DnsFormatException(DnsFormatError.InvalidRData, r.Position, e.Message);
        }
    }

    /// <summary>Decodes the RDATA between the reader's position and End; requires every octet consumed.</summary>
    internal static IRData Decode(RecordType type, ref WireReader r, bool allowCompression)
    {
        int start = r.Position;
        bool c = allowCompression && AllowsCompression(type);
        IRData data = type switch
        {
            RecordType.A => new AddressRecord(new IPAddress(r.Bytes(Fixed(r, 4, "A"), "A address"))),
            RecordType.AAAA => new AddressRecord(new IPAddress(r.Bytes(Fixed(r, 16, "AAAA"), "AAAA address"))),
            RecordType.NS => new NsRecord(r.Name(c)),
            RecordType.CNAME => new CnameRecord(r.Name(c)),
            RecordType.PTR => new PtrRecord(r.Name(c)),
            RecordType.DNAME => new DnameRecord(r.Name(false)),
            RecordType.SOA => new SoaRecord(r.Name(c), r.Name(c), r.U32("serial"), r.U32("refresh"), r.U32("retry"),
                r.U32("expire"), r.U32("minimum")),
            RecordType.MX => new MxRecord(r.U16("preference"), r.Name(c)),
            RecordType.SRV => new SrvRecord(r.U16("priority"), r.U16("weight"), r.U16("port"), r.Name(c)),
            RecordType.TXT => new TxtRecord(CharacterStrings(ref r)),
            RecordType.HINFO => new HinfoRecord(CharString(ref r), CharString(ref r)),
            RecordType.DS or RecordType.CDS => new DsRecord(r.U16("key tag"), r.U8("algorithm"), r.U8("digest type"), r.Rest()),
            RecordType.DNSKEY or RecordType.CDNSKEY =>
                new DnskeyRecord(r.U16("flags"), r.U8("protocol"), r.U8("algorithm"), r.Rest()),
            RecordType.RRSIG => new RrsigRecord((RecordType)r.U16("type covered"), r.U8("algorithm"), r.U8("labels"),
                r.U32("original TTL"), r.U32("expiration"), r.U32("inception"), r.U16("key tag"), r.Name(false), r.Rest()),
            RecordType.NSEC => new NsecRecord(r.Name(false), Bitmap(ref r)),
            RecordType.NSEC3 => Nsec3(ref r),
            RecordType.NSEC3PARAM => new Nsec3ParamRecord(r.U8("hash algorithm"), r.U8("flags"), r.U16("iterations"),
                r.Bytes(r.U8("salt length"), "salt")),
            RecordType.TLSA => new TlsaRecord(r.U8("usage"), r.U8("selector"), r.U8("matching type"), r.Rest()),
            RecordType.OPT => Opt(ref r),
            _ => new UnknownRecord(r.Rest()),
        };
        if (r.Position != r.End)
            throw new DnsFormatException(DnsFormatError.RDataLengthMismatch, r.Position,
                $"{type.ToText()} RDATA has {r.End - r.Position} octets left over of {r.End - start}");
        return data;
    }

    private static int Fixed(WireReader r, int n, string type)
    {
        if (r.Remaining != n)
            throw new DnsFormatException(DnsFormatError.RDataLengthMismatch, r.Position,
                $"{type} RDATA must be {n} octets, got {r.Remaining}");
        return n;
    }

    private static byte[] CharString(ref WireReader r) => r.Bytes(r.U8("character-string length"), "character-string");

    private static List<byte[]> CharacterStrings(ref WireReader r)
    {
        var list = new List<byte[]>();
        while (r.Remaining > 0) list.Add(CharString(ref r));
        return list;
    }

    private static TypeBitmap Bitmap(ref WireReader r)
    {
        int at = r.Position;
        var bytes = r.Rest();
        return TypeBitmap.TryDecode(bytes, out var error) ??
               throw new DnsFormatException(DnsFormatError.InvalidRData, at, error);
    }

    private static Nsec3Record Nsec3(ref WireReader r)
    {
        byte alg = r.U8("hash algorithm"), flags = r.U8("flags");
        ushort it = r.U16("iterations");
        var salt = r.Bytes(r.U8("salt length"), "salt");
        int at = r.Position;
        var next = r.Bytes(r.U8("hash length"), "next hashed owner");
        // RFC 5155 §3.2: the hash length field is at least 1 (a zero-length hash cannot name an owner).
        if (next.Length == 0) throw new DnsFormatException(DnsFormatError.InvalidRData, at, "NSEC3 hash length 0");
        return new Nsec3Record(alg, flags, it, salt, next, Bitmap(ref r));
    }

    private static OptRecord Opt(ref WireReader r)
    {
        var options = new List<EdnsOption>();
        while (r.Remaining > 0)
        {
            int at = r.Position;
            if (r.Remaining < 4)
                throw new DnsFormatException(DnsFormatError.BadEdnsOption, at, "EDNS option header cut off");
            ushort code = r.U16("option code"), len = r.U16("option length");
            if (len > r.Remaining)
                throw new DnsFormatException(DnsFormatError.BadEdnsOption, at, $"EDNS option {code} runs past OPT RDATA");
            options.Add(new EdnsOption(code, r.Bytes(len, "option data")));
        }
        return new OptRecord(options);
    }

    /// <summary>Encodes typed RDATA uncompressed; with <paramref name="canonical"/> the names of
    /// <see cref="HasLowerCasedNames"/> types are lower-cased (RFC 4034 §6.2). Throws ArgumentException when the
    /// data kind does not fit the type or a field exceeds its wire size.</summary>
    public static byte[] Encode(RecordType type, IRData data, bool canonical)
    {
        var w = new WireWriter();
        bool lc = canonical && HasLowerCasedNames(type);
        switch (type, data)
        {
            case (RecordType.A, AddressRecord a) when a.Address.AddressFamily == AddressFamily.InterNetwork:
            case (RecordType.AAAA, AddressRecord b) when b.Address.AddressFamily == AddressFamily.InterNetworkV6:
                w.Bytes(((AddressRecord)data).Address.GetAddressBytes());
                break;
            case (RecordType.NS, NsRecord ns): w.Name(ns.Host, lc); break;
            case (RecordType.CNAME, CnameRecord cn): w.Name(cn.Target, lc); break;
            case (RecordType.PTR, PtrRecord p): w.Name(p.Target, lc); break;
            case (RecordType.DNAME, DnameRecord dn): w.Name(dn.Target, lc); break;
            case (RecordType.SOA, SoaRecord s):
                w.Name(s.PrimaryServer, lc); w.Name(s.Mailbox, lc);
                w.U32(s.Serial); w.U32(s.Refresh); w.U32(s.Retry); w.U32(s.Expire); w.U32(s.Minimum);
                break;
            case (RecordType.MX, MxRecord mx): w.U16(mx.Preference); w.Name(mx.Exchange, lc); break;
            case (RecordType.SRV, SrvRecord srv):
                w.U16(srv.Priority); w.U16(srv.Weight); w.U16(srv.Port); w.Name(srv.Target, lc);
                break;
            case (RecordType.TXT, TxtRecord txt):
                foreach (var s in txt.Strings) WriteCharString(w, s);
                break;
            case (RecordType.HINFO, HinfoRecord h): WriteCharString(w, h.Cpu); WriteCharString(w, h.Os); break;
            case (RecordType.DS or RecordType.CDS, DsRecord ds):
                w.U16(ds.KeyTag); w.U8(ds.Algorithm); w.U8(ds.DigestType); w.Bytes(ds.Digest);
                break;
            case (RecordType.DNSKEY or RecordType.CDNSKEY, DnskeyRecord k): w.Bytes(k.ToWire()); break;
            case (RecordType.RRSIG, RrsigRecord sig):
                w.U16((ushort)sig.TypeCovered); w.U8(sig.Algorithm); w.U8(sig.Labels); w.U32(sig.OriginalTtl);
                w.U32(sig.Expiration); w.U32(sig.Inception); w.U16(sig.KeyTag); w.Name(sig.SignerName, lc);
                w.Bytes(sig.Signature);
                break;
            case (RecordType.NSEC, NsecRecord nsec): w.Name(nsec.NextName); w.Bytes(nsec.Types.ToWire()); break;
            case (RecordType.NSEC3, Nsec3Record n3):
                w.U8(n3.HashAlgorithm); w.U8(n3.Flags); w.U16(n3.Iterations);
                WriteShortField(w, n3.Salt, "salt");
                if (n3.NextHashedOwner.Length == 0) throw new ArgumentException("NSEC3 next hashed owner is empty");
                WriteShortField(w, n3.NextHashedOwner, "next hashed owner");
                w.Bytes(n3.Types.ToWire());
                break;
            case (RecordType.NSEC3PARAM, Nsec3ParamRecord np):
                w.U8(np.HashAlgorithm); w.U8(np.Flags); w.U16(np.Iterations); WriteShortField(w, np.Salt, "salt");
                break;
            case (RecordType.TLSA, TlsaRecord t):
                w.U8(t.Usage); w.U8(t.Selector); w.U8(t.MatchingType); w.Bytes(t.Data);
                break;
            case (RecordType.OPT, OptRecord opt):
                foreach (var o in opt.Options)
                {
                    if (o.Data.Length > ushort.MaxValue) throw new ArgumentException("EDNS option too long");
                    w.U16(o.Code); w.U16((ushort)o.Data.Length); w.Bytes(o.Data);
                }
                break;
            case (_, UnknownRecord u): w.Bytes(u.Data); break;
            default:
                throw new ArgumentException($"{data.GetType().Name} is not RDATA of type {type.ToText()}");
        }
        if (w.Length > ushort.MaxValue) throw new ArgumentException($"{type.ToText()} RDATA exceeds 65535 octets");
        return w.ToArray();
    }

    private static void WriteCharString(WireWriter w, byte[] s) => WriteShortField(w, s, "character-string");

    private static void WriteShortField(WireWriter w, byte[] s, string what)
    {
        if (s.Length > 255) throw new ArgumentException($"{what} of {s.Length} octets exceeds 255");
        w.U8((byte)s.Length);
        w.Bytes(s);
    }
}
