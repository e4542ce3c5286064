using SmtpDane.Dns.Wire;

namespace SmtpDane.Dns;

/// <summary>One resource record (RFC 1035 §3.2.1). <see cref="RData"/> is the RDATA octets as received, with any
/// compressed names expanded (case preserved); <see cref="Data"/> is the same RDATA decoded.
/// Build one with <see cref="Create"/> (encodes the RDATA) or get it from <see cref="DnsMessageDecoder"/>.</summary>
public sealed class ResourceRecord : IEquatable<ResourceRecord>
{
    public DnsName Owner { get; }
    public RecordType Type { get; }
    public RecordClass Class { get; }
    public uint Ttl { get; }
    /// <summary>RDATA octets, uncompressed, original case (RFC 3597 §4 expansion for the well-known types).</summary>
    public byte[] RData { get; }
    public IRData Data { get; }

    internal ResourceRecord(DnsName owner, RecordType type, RecordClass cls, uint ttl, byte[] rdata, IRData data)
    {
        Owner = owner; Type = type; Class = cls; Ttl = ttl; RData = rdata; Data = data;
    }

    /// <summary>Builds a record from typed RDATA (the RDATA octets are encoded from it). Throws ArgumentException if
    /// <paramref name="data"/> is not a valid RDATA kind for <paramref name="type"/>; an <see cref="UnknownRecord"/>
    /// for a type this codec knows is decoded (DnsFormatException when its octets are invalid).</summary>
    public static ResourceRecord Create(DnsName owner, RecordType type, RecordClass cls, uint ttl, IRData data)
    {
        var rdata = RDataCodec.Encode(type, data, canonical: false);
        // Octets given for a type we decode are decoded, so Data always has the type's record kind (a CNAME is
        // always a CnameRecord); invalid octets throw DnsFormatException, as from the wire.
        if (data is UnknownRecord) data = RDataCodec.DecodeStandalone(type, rdata);
        return new(owner, type, cls, ttl, rdata, data);
    }

    /// <summary>Builds a record from RDATA octets (decoded by type, RFC 3597 for unknown types). Throws
    /// <see cref="DnsFormatException"/> if the octets do not parse as the type.</summary>
    public static ResourceRecord FromRData(DnsName owner, RecordType type, RecordClass cls, uint ttl, byte[] rdata)
    {
        var data = RDataCodec.DecodeStandalone(type, rdata);
        return new(owner, type, cls, ttl, (byte[])rdata.Clone(), data);
    }

    /// <summary>Canonical RDATA (RFC 4034 §6.2 item 3, as amended by RFC 6840 §5.1): names embedded in the RDATA of
    /// NS, CNAME, SOA, PTR, MX, SRV, DNAME and RRSIG lower-cased; everything else unchanged.</summary>
    public byte[] CanonicalRData() =>
        RDataCodec.HasLowerCasedNames(Type) ? RDataCodec.Encode(Type, Data, canonical: true) : RData;

    /// <summary>The same record with another TTL (e.g. the RRSIG Original TTL for canonical form, RFC 4034 §6.2).</summary>
    public ResourceRecord WithTtl(uint ttl) => new(Owner, Type, Class, ttl, RData, Data);

    /// <summary>Typed view helpers for the common cases; null when the record is of another kind.</summary>
    public T? As<T>() where T : class, IRData => Data as T;

    /// <summary>Equality per RFC 2181 §5: owner (case-insensitive), type, class and RDATA octets; TTL ignored.</summary>
    public bool Equals(ResourceRecord? other) =>
        other is not null && Owner == other.Owner && Type == other.Type && Class == other.Class &&
        CanonicalRData().AsSpan().SequenceEqual(other.CanonicalRData());

    public override bool Equals(object? obj) => obj is ResourceRecord r && Equals(r);
    public override int GetHashCode() => HashCode.Combine(Owner, Type, Class, RData.Length);

    /// <summary>Zone-file presentation (RFC 1035 §5.1).</summary>
    public override string ToString() => $"{Owner} {Ttl} {Class.ToText()} {Type.ToText()} {Data}";
}
