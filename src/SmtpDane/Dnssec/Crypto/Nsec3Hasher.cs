using System.Security.Cryptography;

namespace SmtpDane.Dnssec.Crypto;

/// <summary>NSEC3 owner-name hashing (RFC 5155 §5): IH(salt, x, 0) = H(x | salt); IH(salt, x, k) = H(IH(salt, x, k-1) | salt).</summary>
public static class Nsec3Hasher
{
    /// <summary>The only NSEC3 hash algorithm defined: SHA-1 (RFC 5155 §11).</summary>
    public const byte Sha1 = 1;

    /// <summary>Hash of a canonical (lower-cased, uncompressed) wire-form name. Returns null for an unknown
    /// hash algorithm or when <paramref name="iterations"/> exceeds <paramref name="maxIterations"/>: the caller
    /// caps work before it is spent (RFC 9276 §3.2, CVE-2023-50868).</summary>
    public static byte[]? Hash(byte hashAlgorithm, ReadOnlySpan<byte> canonicalNameWire, ReadOnlySpan<byte> salt, int iterations, int maxIterations)
    {
        if (hashAlgorithm != Sha1 || iterations < 0 || iterations > maxIterations) return null;
        Span<byte> buffer = stackalloc byte[Math.Max(canonicalNameWire.Length, 20) + salt.Length];
        canonicalNameWire.CopyTo(buffer);
        salt.CopyTo(buffer[canonicalNameWire.Length..]);
        var digest = new byte[20];
        SHA1.HashData(buffer[..(canonicalNameWire.Length + salt.Length)], digest);
        for (int i = 0; i < iterations; i++)
        {
            digest.CopyTo(buffer);
            salt.CopyTo(buffer[20..]);
            SHA1.HashData(buffer[..(20 + salt.Length)], digest);
        }
        return digest;
    }
}
