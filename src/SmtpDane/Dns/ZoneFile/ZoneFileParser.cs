using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SmtpDane.Dns.Wire;

namespace SmtpDane.Dns.ZoneFile;

/// <summary>Parses presentation-format resource records (RFC 1035 §5; RFC 3597 §5 generic syntax; the DNSSEC forms of
/// RFC 4034 §§2.2, 3.2, 4.2, 5.3 and RFC 5155 §§3.3, 4.3). Pure: text in, records out; errors are
/// <see cref="ZoneFileException"/> with the line number. $INCLUDE and $GENERATE are refused (no file access here).</summary>
public static class ZoneFileParser
{
    /// <summary>Parses a whole file. <paramref name="origin"/> is the initial $ORIGIN (root when null) and
    /// <paramref name="defaultTtl"/> the TTL used before any $TTL or explicit TTL (none: such a record is an error).</summary>
    public static IReadOnlyList<ResourceRecord> Parse(string text, string sourceName, DnsName? origin = null,
        uint? defaultTtl = null)
    {
        var state = new State(sourceName, origin ?? DnsName.Root, defaultTtl);
        var records = new List<ResourceRecord>();
        foreach (var entry in ZoneTokenizer.Entries(text, sourceName))
        {
            var rr = ParseEntry(entry, state);
            if (rr is not null) records.Add(rr);
        }
        return records;
    }

    /// <summary>Parses a single record line (no directives), e.g. from a test scenario file. Relative names are
    /// relative to <paramref name="origin"/> (root when null).</summary>
    public static ResourceRecord ParseRecord(string line, DnsName? origin = null, uint? defaultTtl = null)
    {
        var records = Parse(line, "record", origin, defaultTtl);
        if (records.Count != 1) throw new ZoneFileException("record", 1, $"expected one record, found {records.Count}");
        return records[0];
    }

    private sealed class State(string source, DnsName origin, uint? ttl)
    {
        public readonly string Source = source;
        public DnsName Origin = origin;
        public uint? DefaultTtl = ttl;
        public uint? LastTtl;
        public DnsName? LastOwner;
        public RecordClass LastClass = RecordClass.IN;
    }

    private static ResourceRecord? ParseEntry(ZoneEntry entry, State st)
    {
        var t = entry.Tokens;
        ZoneFileException Fail(string msg) => new(st.Source, entry.Line, msg);
        if (!entry.LeadingBlank && !t[0].Quoted && t[0].Text.StartsWith('$'))
        {
            switch (t[0].Text.ToUpperInvariant())
            {
                case "$ORIGIN":
                    if (t.Count != 2) throw Fail("$ORIGIN takes one absolute name");
                    if (!t[1].Text.EndsWith('.') || t[1].Text.EndsWith("\\.", StringComparison.Ordinal))
                        throw Fail("$ORIGIN must be absolute (end with '.')");
                    st.Origin = Name(t[1], st, entry.Line);
                    return null;
                case "$TTL":
                    if (t.Count != 2) throw Fail("$TTL takes one value");
                    st.DefaultTtl = Ttl(t[1].Text) ?? throw Fail($"bad $TTL value \"{t[1].Text}\"");
                    return null;
                default:
                    throw Fail($"directive {t[0].Text} is not supported");
            }
        }

        int i = 0;
        DnsName owner;
        if (entry.LeadingBlank)
            owner = st.LastOwner ?? throw Fail("no previous owner for a line starting with white space");
        else
            owner = Name(t[i++], st, entry.Line);

        // RFC 1035 §5.1: [<TTL>] [<class>] <type> <RDATA> or [<class>] [<TTL>] <type> <RDATA>.
        uint? ttl = null;
        RecordClass? cls = null;
        RecordType type = default;
        bool haveType = false;
        while (i < t.Count && !haveType)
        {
            var s = t[i].Text;
            if (ttl is null && char.IsAsciiDigit(s[0]) && Ttl(s) is { } v) { ttl = v; i++; continue; }
            if (cls is null && RecordTypeText.TryParseClass(s, out var c)) { cls = c; i++; continue; }
            if (RecordTypeText.TryParseType(s, out type)) { haveType = true; i++; continue; }
            throw Fail($"unknown type, class or TTL \"{s}\"");
        }
        if (!haveType) throw Fail("missing type");
        uint finalTtl = ttl ?? st.DefaultTtl ?? st.LastTtl ?? throw Fail("no TTL and no $TTL in effect");
        var finalClass = cls ?? st.LastClass;
        var rdataTokens = t.Skip(i).ToList();

        IRData data;
        try
        {
            data = rdataTokens.Count > 0 && !rdataTokens[0].Quoted && rdataTokens[0].Text == "\\#"
                ? Generic(type, rdataTokens, st, entry.Line)
                : RData(type, rdataTokens, st, entry.Line);
        }
        catch (DnsFormatException e) { throw Fail($"{type.ToText()} RDATA: {e.Message}"); }
        catch (DnsNameFormatException e) { throw Fail($"{type.ToText()} RDATA: {e.Message}"); }
        catch (ArgumentException e) { throw Fail($"{type.ToText()} RDATA: {e.Message}"); }

        st.LastOwner = owner;
        st.LastTtl = finalTtl;
        st.LastClass = finalClass;
        return ResourceRecord.Create(owner, type, finalClass, finalTtl, data);
    }

    /// <summary>RFC 3597 §5: "\# length hex…" for any type; a known type must then decode from those octets.</summary>
    private static IRData Generic(RecordType type, List<ZoneToken> t, State st, int line)
    {
        if (t.Count < 2 || !int.TryParse(t[1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var len) || len > ushort.MaxValue)
            throw new ZoneFileException(st.Source, line, "\\# needs a decimal RDATA length");
        var bytes = len == 0 ? [] : Hex(Concat(t, 2), st, line);
        if (bytes.Length != len)
            throw new ZoneFileException(st.Source, line, $"\\# length {len} but {bytes.Length} octets of hex");
        return RDataCodec.DecodeStandalone(type, bytes);
    }

    private static IRData RData(RecordType type, List<ZoneToken> t, State st, int line)
    {
        var f = new Fields(t, st, line, type);
        IRData data = type switch
        {
            RecordType.A => new AddressRecord(f.Address(AddressFamily.InterNetwork)),
            RecordType.AAAA => new AddressRecord(f.Address(AddressFamily.InterNetworkV6)),
            RecordType.NS => new NsRecord(f.Name()),
            RecordType.CNAME => new CnameRecord(f.Name()),
            RecordType.PTR => new PtrRecord(f.Name()),
            RecordType.DNAME => new DnameRecord(f.Name()),
            RecordType.SOA => new SoaRecord(f.Name(), f.Name(), f.U32(), f.TtlField(), f.TtlField(), f.TtlField(), f.TtlField()),
            RecordType.MX => new MxRecord(f.U16(), f.Name()),
            RecordType.SRV => new SrvRecord(f.U16(), f.U16(), f.U16(), f.Name()),
            RecordType.TXT => new TxtRecord(f.CharStrings()),
            RecordType.HINFO => new HinfoRecord(f.CharString(), f.CharString()),
            RecordType.DS or RecordType.CDS => new DsRecord(f.U16(), f.Algorithm(), f.U8(), f.HexRest()),
            RecordType.DNSKEY or RecordType.CDNSKEY => new DnskeyRecord(f.U16(), f.U8(), f.Algorithm(), f.Base64Rest()),
            RecordType.RRSIG => new RrsigRecord(f.Type(), f.Algorithm(), f.U8(), f.U32(), f.Time(), f.Time(), f.U16(),
                f.Name(), f.Base64Rest()),
            RecordType.NSEC => new NsecRecord(f.Name(), f.TypeList()),
            RecordType.NSEC3 => new Nsec3Record(f.U8(), f.U8(), f.U16(), f.Salt(), f.Base32(), f.TypeList()),
            RecordType.NSEC3PARAM => new Nsec3ParamRecord(f.U8(), f.U8(), f.U16(), f.Salt()),
            RecordType.TLSA => new TlsaRecord(f.U8(), f.U8(), f.U8(), f.HexRest()),
            _ => throw new ZoneFileException(st.Source, line,
                $"type {type.ToText()} has no presentation parser here; use the RFC 3597 \\# form"),
        };
        f.End();
        return data;
    }

    /// <summary>Reads RDATA fields in order, with the error naming the type and the field.</summary>
    private sealed class Fields(List<ZoneToken> t, State st, int line, RecordType type)
    {
        private int _i;

        private ZoneFileException Fail(string msg) => new(st.Source, line, $"{type.ToText()} RDATA: {msg}");

        private ZoneToken Next(string what) =>
            _i < t.Count ? t[_i++] : throw Fail($"missing {what}");

        public void End()
        {
            if (_i < t.Count) throw Fail($"unexpected extra field \"{t[_i].Text}\"");
        }

        public DnsName Name() => ZoneFileParser.Name(Next("name"), st, line);

        public byte U8() => byte.TryParse(Next("8-bit number").Text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v : throw Fail($"\"{t[_i - 1].Text}\" is not a number 0..255");

        public ushort U16() => ushort.TryParse(Next("16-bit number").Text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v : throw Fail($"\"{t[_i - 1].Text}\" is not a number 0..65535");

        public uint U32() => uint.TryParse(Next("32-bit number").Text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v : throw Fail($"\"{t[_i - 1].Text}\" is not a 32-bit number");

        public uint TtlField() => Ttl(Next("time value").Text) ?? throw Fail($"\"{t[_i - 1].Text}\" is not a time value");

        /// <summary>RFC 4034 §3.2: YYYYMMDDHHmmSS or an unsigned decimal integer.</summary>
        public uint Time() => SerialTime.TryParse(Next("signature time").Text, out var v)
            ? v : throw Fail($"\"{t[_i - 1].Text}\" is not YYYYMMDDHHmmSS or seconds");

        /// <summary>RFC 4034 §3.2: the covered type as a mnemonic or TYPEnnn.</summary>
        public RecordType Type() => RecordTypeText.TryParseType(Next("type").Text, out var v)
            ? v : throw Fail($"unknown type \"{t[_i - 1].Text}\"");

        /// <summary>RFC 4034 §2.2 / §3.2 / §5.3: algorithm as number or mnemonic (Appendix A.1).</summary>
        public byte Algorithm()
        {
            var s = Next("algorithm").Text;
            if (byte.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
            return DnssecAlgorithmText.TryParse(s, out v) ? v : throw Fail($"unknown algorithm \"{s}\"");
        }

        public IPAddress Address(AddressFamily family)
        {
            var s = Next("address").Text;
            // IPAddress.TryParse accepts "1" or "0x1" as IPv4; RFC 1035 §3.4.1 presentation is the dotted quad.
            bool dottedQuad = family == AddressFamily.InterNetwork && DottedQuad.IsShaped(s);
            if ((family == AddressFamily.InterNetworkV6 || dottedQuad) && IPAddress.TryParse(s, out var a) &&
                a.AddressFamily == family && (family == AddressFamily.InterNetwork || !s.Contains('%')))
                return a;
            throw Fail($"\"{s}\" is not an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address");
        }

        public byte[] CharString()
        {
            var tok = Next("character-string");
            return ZoneFileParser.CharString(tok.Text) ?? throw Fail($"bad character-string {tok.Text}");
        }

        public List<byte[]> CharStrings()
        {
            var list = new List<byte[]> { CharString() };
            while (_i < t.Count) list.Add(CharString());
            return list;
        }

        public byte[] HexRest()
        {
            if (_i >= t.Count) throw Fail("missing hex data");
            var b = Hex(Concat(t, _i), st, line);
            _i = t.Count;
            return b;
        }

        public byte[] Base64Rest()
        {
            if (_i >= t.Count) throw Fail("missing base64 data");
            var s = Concat(t, _i);
            _i = t.Count;
            try { return Convert.FromBase64String(s); }
            catch (FormatException) { throw Fail("invalid base64"); }
        }

        /// <summary>RFC 5155 §3.3: salt in hex, or "-" for an empty salt.</summary>
        public byte[] Salt()
        {
            var s = Next("salt").Text;
            return s == "-" ? [] : Hex(s, st, line);
        }

        /// <summary>RFC 5155 §3.3: next hashed owner in base32hex without padding.</summary>
        public byte[] Base32()
        {
            var s = Next("next hashed owner").Text;
            return Base32Hex.TryDecode(s) is { Length: > 0 } b ? b : throw Fail($"\"{s}\" is not base32hex");
        }

        /// <summary>RFC 4034 §4.2: the remaining fields are type mnemonics (or TYPEnnn).</summary>
        public TypeBitmap TypeList()
        {
            var types = new List<RecordType>();
            while (_i < t.Count) types.Add(Type());
            return new TypeBitmap(types);
        }
    }

    private static string Concat(List<ZoneToken> t, int from) => string.Concat(t.Skip(from).Select(x => x.Text));

    private static byte[] Hex(string s, State st, int line)
    {
        if (s.Length % 2 != 0 || !s.All(char.IsAsciiHexDigit))
            throw new ZoneFileException(st.Source, line, $"invalid hex \"{(s.Length > 40 ? s[..40] + "…" : s)}\"");
        return Convert.FromHexString(s);
    }

    private static DnsName Name(ZoneToken tok, State st, int line)
    {
        if (tok.Quoted) throw new ZoneFileException(st.Source, line, "a name cannot be quoted");
        if (tok.Text == "@") return st.Origin;
        return DnsName.TryParse(tok.Text, st.Origin, out var n, out var err)
            ? n : throw new ZoneFileException(st.Source, line, err);
    }

    /// <summary>A TTL in seconds, or with BIND units (1w2d3h4m5s). Null when not a valid value.</summary>
    internal static uint? Ttl(string s)
    {
        if (uint.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var plain)) return plain;
        ulong total = 0, current = 0;
        bool digits = false;
        foreach (var ch in s.ToLowerInvariant())
        {
            if (char.IsAsciiDigit(ch)) { current = current * 10 + (ulong)(ch - '0'); digits = true; if (current > uint.MaxValue) return null; continue; }
            ulong mult = ch switch { 'w' => 604800, 'd' => 86400, 'h' => 3600, 'm' => 60, 's' => 1, _ => 0 };
            if (mult == 0 || !digits) return null;
            total += current * mult;
            current = 0; digits = false;
        }
        if (digits) return null;
        return total <= uint.MaxValue ? (uint)total : null;
    }

    /// <summary>Interprets RFC 1035 §5.1 escapes in a character-string; null when invalid or over 255 octets.</summary>
    internal static byte[]? CharString(string s)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\\')
            {
                if (i + 1 >= s.Length) return null;
                if (char.IsAsciiDigit(s[i + 1]))
                {
                    if (i + 3 >= s.Length || !char.IsAsciiDigit(s[i + 2]) || !char.IsAsciiDigit(s[i + 3])) return null;
                    int v = (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
                    if (v > 255) return null;
                    bytes.Add((byte)v);
                    i += 3;
                }
                else { bytes.Add((byte)s[i + 1]); i++; }
                continue;
            }
            if (c > 0x7E) foreach (var b in System.Text.Encoding.UTF8.GetBytes(c.ToString())) bytes.Add(b);
            else bytes.Add((byte)c);
        }
        return bytes.Count <= 255 ? bytes.ToArray() : null;
    }
}
