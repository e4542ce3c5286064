using System.Security.Cryptography;

namespace SmtpDane.Dnssec.Crypto;

/// <summary>DS digest computation and selection (RFC 4034 §5.1.4, RFC 4509 §2, RFC 6605 §3).</summary>
public static class DsDigest
{
    /// <summary>True for the digest types we compute. SHA-1 (1) is computed but see <see cref="Usable"/>.</summary>
    public static bool IsSupported(byte digestType) => (DsDigestType)digestType is DsDigestType.Sha1 or DsDigestType.Sha256 or DsDigestType.Sha384;

    /// <summary>digest = hash(canonical owner name wire form | DNSKEY RDATA) (RFC 4034 §5.1.4).
    /// Null for an unsupported digest type.</summary>
    public static byte[]? Compute(byte digestType, ReadOnlySpan<byte> canonicalOwnerWire, ReadOnlySpan<byte> dnskeyRdata)
    {
        var buffer = new byte[canonicalOwnerWire.Length + dnskeyRdata.Length];
        canonicalOwnerWire.CopyTo(buffer);
        dnskeyRdata.CopyTo(buffer.AsSpan(canonicalOwnerWire.Length));
        return (DsDigestType)digestType switch
        {
            DsDigestType.Sha1 => SHA1.HashData(buffer),
            DsDigestType.Sha256 => SHA256.HashData(buffer),
            DsDigestType.Sha384 => SHA384.HashData(buffer),
            _ => null,
        };
    }

    /// <summary>True if the DS digest equals the computed one (fixed-time compare; wrong length = false).</summary>
    public static bool Matches(byte digestType, ReadOnlySpan<byte> expectedDigest, ReadOnlySpan<byte> canonicalOwnerWire, ReadOnlySpan<byte> dnskeyRdata)
    {
        var computed = Compute(digestType, canonicalOwnerWire, dnskeyRdata);
        return computed is not null && CryptographicOperations.FixedTimeEquals(computed, expectedDigest);
    }

    /// <summary>
    /// Which digest types of a DS RRset to use. RFC 4509 §3: a validator that supports SHA-256 "MUST ignore
    /// DS RRs containing SHA-1 digests" when a SHA-256 DS for the same key exists; we apply that to the whole
    /// set (as Unbound does: digest downgrade protection), so SHA-1 counts only when no stronger supported
    /// digest is present. Unsupported digest types are always ignored (RFC 4035 §5.2).
    /// </summary>
    public static bool Usable(byte digestType, IEnumerable<byte> digestTypesInSet)
    {
        if (!IsSupported(digestType)) return false;
        if ((DsDigestType)digestType != DsDigestType.Sha1) return true;
        foreach (var other in digestTypesInSet)
            if ((DsDigestType)other is DsDigestType.Sha256 or DsDigestType.Sha384) return false;
        return true;
    }
}
