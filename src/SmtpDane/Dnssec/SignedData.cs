using System.Buffers.Binary;
using SmtpDane.Dns;

namespace SmtpDane.Dnssec;

/// <summary>The octets an RRSIG signs (RFC 4034 §3.1.8.1): RRSIG RDATA without the signature, then every RR of the
/// RRset in canonical form (RFC 4034 §6.2) and canonical order (§6.3), duplicates removed (§6.3, RFC 2181 §5).</summary>
public static class SignedData
{
    /// <summary>Builds the signed data. The owner as signed is: the RRset owner, or for a
    /// wildcard expansion "*." plus the rightmost Labels labels of it (RFC 4035 §5.3.2). Null when the RRSIG
    /// Labels field exceeds the owner's label count (cannot have been signed for this name).</summary>
    public static byte[]? Build(RrsigRecord sig, RRset rrset)
    {
        var owner = SigningOwner(rrset.Owner, sig.Labels);
        if (owner is null) return null;
        var ownerWire = owner.ToCanonicalWire();
        var signer = sig.SignerName.ToCanonicalWire(); // RFC 4034 §6.2 item 3: RRSIG signer name lower-cased
        var records = new List<byte[]>();
        foreach (var rr in rrset.CanonicalOrder())
        {
            var rdata = rr.CanonicalRData();
            if (records.Count > 0 && records[^1].AsSpan().SequenceEqual(rdata)) continue; // RFC 4034 §6.3 duplicates
            records.Add(rdata);
        }
        int size = 18 + signer.Length;
        foreach (var r in records) size += ownerWire.Length + 10 + r.Length;
        var buffer = new byte[size];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)sig.TypeCovered);
        span[2] = sig.Algorithm;
        span[3] = sig.Labels;
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], sig.OriginalTtl);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], sig.Expiration);
        BinaryPrimitives.WriteUInt32BigEndian(span[12..], sig.Inception);
        BinaryPrimitives.WriteUInt16BigEndian(span[16..], sig.KeyTag);
        signer.CopyTo(span[18..]);
        int p = 18 + signer.Length;
        foreach (var r in records)
        {
            ownerWire.CopyTo(span[p..]); p += ownerWire.Length;
            BinaryPrimitives.WriteUInt16BigEndian(span[p..], (ushort)rrset.Type);
            BinaryPrimitives.WriteUInt16BigEndian(span[(p + 2)..], (ushort)rrset.Class);
            // RFC 4034 §6.2 item 5 / RFC 4035 §5.3.2: the TTL is the RRSIG's Original TTL, not the received one.
            BinaryPrimitives.WriteUInt32BigEndian(span[(p + 4)..], sig.OriginalTtl);
            BinaryPrimitives.WriteUInt16BigEndian(span[(p + 8)..], (ushort)r.Length);
            p += 10;
            r.CopyTo(span[p..]); p += r.Length;
        }
        return buffer;
    }

    /// <summary>The owner name as signed (RFC 4035 §5.3.2; RFC 4034 §3.1.3: the Labels field does not count a leading
    /// "*" label or the root). Labels &lt; owner labels means wildcard expansion: "*." + the rightmost Labels labels.</summary>
    public static DnsName? SigningOwner(DnsName owner, byte labels)
    {
        int ownerLabels = owner.IsWildcard ? owner.LabelCount - 1 : owner.LabelCount;
        if (labels > ownerLabels) return null;
        if (labels == ownerLabels) return owner;
        return owner.Suffix(labels).Prepend("*"u8);
    }

    /// <summary>True when the RRSIG shows the RRset was synthesised from a wildcard (RFC 4035 §5.3.4).</summary>
    public static bool IsWildcardExpansion(DnsName owner, byte labels) =>
        labels < (owner.IsWildcard ? owner.LabelCount - 1 : owner.LabelCount);
}
