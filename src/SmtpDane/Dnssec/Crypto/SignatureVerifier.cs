using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace SmtpDane.Dnssec.Crypto;

/// <summary>
/// Only the cryptographic check of one RRSIG signature against one DNSKEY public key over already-built
/// signed data (RFC 4034 §3.1.8.1). Validity period, key tag, signer name and flags are checked elsewhere.
/// RSA and ECDSA use System.Security.Cryptography (OpenSSL: fast); Ed25519/Ed448 use Bouncy Castle (no .NET API).
/// </summary>
public static class SignatureVerifier
{
    /// <summary>True only when the signature is valid. Malformed keys or signatures and unsupported
    /// algorithms give false; callers ask <see cref="AlgorithmPolicy.IsSupported"/> first to tell the two apart.</summary>
    public static bool Verify(byte algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature)
    {
        if (!AlgorithmPolicy.IsSupported(algorithm)) return false;
        try
        {
            return (DnssecAlgorithm)algorithm switch
            {
                DnssecAlgorithm.RsaSha1 or DnssecAlgorithm.RsaSha1Nsec3Sha1 => VerifyRsa(publicKey, signedData, signature, HashAlgorithmName.SHA1),
                DnssecAlgorithm.RsaSha256 => VerifyRsa(publicKey, signedData, signature, HashAlgorithmName.SHA256),
                DnssecAlgorithm.RsaSha512 => VerifyRsa(publicKey, signedData, signature, HashAlgorithmName.SHA512),
                DnssecAlgorithm.EcdsaP256Sha256 => VerifyEcdsa(publicKey, signedData, signature, ECCurve.NamedCurves.nistP256, 32, HashAlgorithmName.SHA256),
                DnssecAlgorithm.EcdsaP384Sha384 => VerifyEcdsa(publicKey, signedData, signature, ECCurve.NamedCurves.nistP384, 48, HashAlgorithmName.SHA384),
                DnssecAlgorithm.Ed25519 => VerifyEd25519(publicKey, signedData, signature),
                DnssecAlgorithm.Ed448 => VerifyEd448(publicKey, signedData, signature),
                _ => false,
            };
        }
        catch (CryptographicException)
        {
            return false; // a key OpenSSL refuses (e.g. degenerate modulus, point not on curve) validates nothing
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Smallest/largest RSA modulus we accept, in bytes. RFC 3110 §2 allows 512..4096 bits; the
    /// RFC 4035/5155 example zones use 512-bit keys, so the floor stays at 512 (weak keys are the zone's problem,
    /// and a 4096-bit ceiling bounds verification cost, RFC 3110 §2 / RFC 5702 §2).</summary>
    internal const int MinRsaModulusBytes = 64, MaxRsaModulusBytes = 512;

    /// <summary>RFC 3110 §2 public key: exponent length (1 octet, or 0 then 2 octets), exponent, modulus.</summary>
    internal static bool TryParseRsaKey(ReadOnlySpan<byte> key, out RSAParameters parameters)
    {
        parameters = default;
        if (key.Length < 1) return false;
        int exponentLength = key[0], offset = 1;
        if (exponentLength == 0)
        {
            if (key.Length < 3) return false;
            exponentLength = (key[1] << 8) | key[2];
            offset = 3;
        }
        if (exponentLength == 0 || key.Length - offset <= exponentLength) return false;
        var exponent = key.Slice(offset, exponentLength);
        var modulus = key[(offset + exponentLength)..];
        if (exponent[0] == 0 || modulus[0] == 0) return false; // RFC 3110 §2: no leading zero octets
        if (modulus.Length < MinRsaModulusBytes || modulus.Length > MaxRsaModulusBytes || exponent.Length > 8) return false;
        parameters = new RSAParameters { Exponent = exponent.ToArray(), Modulus = modulus.ToArray() };
        return true;
    }

    private static bool VerifyRsa(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, HashAlgorithmName hash)
    {
        if (!TryParseRsaKey(key, out var parameters)) return false;
        // RFC 3110 §3 / RFC 5702 §3: PKCS #1 v1.5; the signature is exactly as long as the modulus.
        if (signature.Length != parameters.Modulus!.Length) return false;
        using var rsa = RSA.Create();
        rsa.ImportParameters(parameters);
        return rsa.VerifyData(data, signature, hash, RSASignaturePadding.Pkcs1);
    }

    private static bool VerifyEcdsa(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature,
        ECCurve curve, int fieldBytes, HashAlgorithmName hash)
    {
        // RFC 6605 §4: key = Q.x | Q.y; signature = r | s, each exactly fieldBytes (IEEE P1363 form).
        if (key.Length != 2 * fieldBytes || signature.Length != 2 * fieldBytes) return false;
        var parameters = new ECParameters
        {
            Curve = curve,
            Q = new ECPoint { X = key[..fieldBytes].ToArray(), Y = key[fieldBytes..].ToArray() },
        };
        using var ecdsa = ECDsa.Create(parameters);
        return ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static bool VerifyEd25519(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        // RFC 8080 §3/§4: 32-octet public key, 64-octet signature (RFC 8032 §5.1).
        if (key.Length != Ed25519PublicKeyParameters.KeySize || signature.Length != 64) return false;
        var signer = new Ed25519Signer();
        signer.Init(false, new Ed25519PublicKeyParameters(key.ToArray(), 0));
        signer.BlockUpdate(data.ToArray(), 0, data.Length);
        return signer.VerifySignature(signature.ToArray());
    }

    private static bool VerifyEd448(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        // RFC 8080 §3/§4: 57-octet public key, 114-octet signature, empty context (RFC 8032 §5.2).
        if (key.Length != Ed448PublicKeyParameters.KeySize || signature.Length != 114) return false;
        var signer = new Ed448Signer(Array.Empty<byte>());
        signer.Init(false, new Ed448PublicKeyParameters(key.ToArray(), 0));
        signer.BlockUpdate(data.ToArray(), 0, data.Length);
        return signer.VerifySignature(signature.ToArray());
    }
}
