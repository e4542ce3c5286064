using System.Security.Cryptography;
using SmtpDane.Dnssec.Crypto;

namespace SmtpDane.Tests.Dnssec.Replay;

/// <summary>
/// The product's algorithm set plus DSA (algorithm 3), for replaying Unbound's classic scenarios, which are signed
/// with a 512-bit DSA key. The product never validates DSA (RFC 8624 §3.1: MUST NOT); here it only lets those files
/// test the chain, denial and wildcard logic. The signatures are real: DER (r,s) as OUTCOMES.md notes, or RFC 2536 T|R|S.
/// </summary>
internal static class ReplayCrypto
{
    public static CryptoSuite WithDsa { get; } = new(
        alg => alg == (byte)DnssecAlgorithm.Dsa || AlgorithmPolicy.IsSupported(alg),
        (alg, key, data, sig) => alg == (byte)DnssecAlgorithm.Dsa ? VerifyDsa(key, data, sig) : SignatureVerifier.Verify(alg, key, data, sig));

    /// <summary>RFC 2536 §2 key: T, Q (20), P, G, Y (each 64 + 8T octets).</summary>
    private static bool VerifyDsa(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (key.Length < 1) return false;
        int t = key[0], size = 64 + 8 * t;
        if (t > 8 || key.Length != 1 + 20 + 3 * size) return false;
        var p = new DSAParameters
        {
            Q = key.Slice(1, 20).ToArray(),
            P = key.Slice(21, size).ToArray(),
            G = key.Slice(21 + size, size).ToArray(),
            Y = key.Slice(21 + 2 * size, size).ToArray(),
        };
        try
        {
            using var dsa = DSA.Create();
            dsa.ImportParameters(p);
            if (signature.Length == 41) // RFC 2536 §3: T | R | S
                return dsa.VerifyData(data.ToArray(), signature[1..].ToArray(), HashAlgorithmName.SHA1, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            return signature.Length > 0 && dsa.VerifyData(data.ToArray(), signature.ToArray(), HashAlgorithmName.SHA1, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
