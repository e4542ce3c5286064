using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace SmtpDane.Dane;

/// <summary>Verifies an X.509-style signature (certificate or OCSP response): only the cryptographic check.
/// RSA and ECDSA go through System.Security.Cryptography (Bouncy Castle's RSA key object runs Miller-Rabin on
/// every modulus, ≈14 ms per key, measured-facts.md; we set no global switch to avoid it). Ed25519/Ed448 go
/// through Bouncy Castle, which .NET lacks.</summary>
internal static class SignatureVerifier
{
    // Signature algorithm OIDs: RFC 4055 §5 (RSA PKCS#1 v1.5 with SHA-2), RFC 4055 §3.1 (RSASSA-PSS),
    // RFC 5758 §3.2 (ECDSA with SHA-2), RFC 8410 §3 (Ed25519/Ed448). SHA-1 and MD5 based signatures are refused:
    // collisions are practical (SHAttered, 2017), and CA/Browser Forum rules ended SHA-1 certificate signing.
    private const string RsaSha256 = "1.2.840.113549.1.1.11";
    private const string RsaSha384 = "1.2.840.113549.1.1.12";
    private const string RsaSha512 = "1.2.840.113549.1.1.13";
    private const string RsaPss = "1.2.840.113549.1.1.10";
    private const string RsaEncryption = "1.2.840.113549.1.1.1";
    private const string EcdsaSha256 = "1.2.840.10045.4.3.2";
    private const string EcdsaSha384 = "1.2.840.10045.4.3.3";
    private const string EcdsaSha512 = "1.2.840.10045.4.3.4";
    private const string Ed25519 = "1.3.101.112";
    private const string Ed448 = "1.3.101.113";
    private const string Mgf1 = "1.2.840.113549.1.1.8";
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";
    private const string Sha384 = "2.16.840.1.101.3.4.2.2";
    private const string Sha512 = "2.16.840.1.101.3.4.2.3";

    /// <summary>Does <paramref name="signature"/> over <paramref name="signedData"/> verify with the key in
    /// <paramref name="signerSpkiDer"/> (a DER SubjectPublicKeyInfo) under algorithm <paramref name="algorithm"/>?</summary>
    public static SignatureCheck Verify(AlgorithmIdentifier algorithm, byte[] signedData, byte[] signature, byte[] signerSpkiDer,
        PublicKeyCache? keys = null)
    {
        try
        {
            var oid = algorithm.Algorithm.Id;
            return oid switch
            {
                RsaSha256 => VerifyRsa(signerSpkiDer, signedData, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, keys),
                RsaSha384 => VerifyRsa(signerSpkiDer, signedData, signature, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1, keys),
                RsaSha512 => VerifyRsa(signerSpkiDer, signedData, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1, keys),
                RsaPss => PssHash(algorithm.Parameters) is { } h
                    ? VerifyRsa(signerSpkiDer, signedData, signature, h, RSASignaturePadding.Pss, keys)
                    : SignatureCheck.UnsupportedAlgorithm,
                EcdsaSha256 => VerifyEcdsa(signerSpkiDer, signedData, signature, HashAlgorithmName.SHA256, keys),
                EcdsaSha384 => VerifyEcdsa(signerSpkiDer, signedData, signature, HashAlgorithmName.SHA384, keys),
                EcdsaSha512 => VerifyEcdsa(signerSpkiDer, signedData, signature, HashAlgorithmName.SHA512, keys),
                Ed25519 => VerifyEdwards(signerSpkiDer, signedData, signature, Ed25519),
                Ed448 => VerifyEdwards(signerSpkiDer, signedData, signature, Ed448),
                _ => SignatureCheck.UnsupportedAlgorithm,
            };
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or InvalidOperationException
                                      or IOException or InvalidCastException or FormatException)
        {
            return SignatureCheck.BadKey;
        }
    }

    /// <summary>RFC 4055 §3.1 RSASSA-PSS-params, limited to what .NET verifies: SHA-2 hash, MGF1 with the same
    /// hash, salt length equal to the hash length (the RFC 4055 §3.1 recommendation), trailer field 1.</summary>
    private static HashAlgorithmName? PssHash(Asn1Encodable? parameters)
    {
        if (parameters is null) return null; // the default (SHA-1) is refused anyway
        var p = RsassaPssParameters.GetInstance(parameters);
        var hash = p.HashAlgorithm.Algorithm.Id;
        (HashAlgorithmName name, int len)? h = hash switch
        {
            Sha256 => (HashAlgorithmName.SHA256, 32),
            Sha384 => (HashAlgorithmName.SHA384, 48),
            Sha512 => (HashAlgorithmName.SHA512, 64),
            _ => null,
        };
        if (h is null) return null;
        if (p.MaskGenAlgorithm.Algorithm.Id != Mgf1) return null;
        if (AlgorithmIdentifier.GetInstance(p.MaskGenAlgorithm.Parameters).Algorithm.Id != hash) return null;
        if (p.SaltLength.IntValueExact != h.Value.len) return null;
        if (p.TrailerField.IntValueExact != 1) return null;
        return h.Value.name;
    }

    private static SignatureCheck VerifyRsa(byte[] spkiDer, byte[] data, byte[] sig, HashAlgorithmName hash,
        RSASignaturePadding padding, PublicKeyCache? keys)
    {
        RSA? owned = null;
        var rsa = keys is null ? owned = ImportRsa(spkiDer) : keys.Rsa(spkiDer);
        try
        {
            if (rsa is null) return SignatureCheck.BadKey;
            return rsa.VerifyData(data, sig, hash, padding) ? SignatureCheck.Valid : SignatureCheck.Invalid;
        }
        finally { owned?.Dispose(); }
    }

    private static SignatureCheck VerifyEcdsa(byte[] spkiDer, byte[] data, byte[] sig, HashAlgorithmName hash, PublicKeyCache? keys)
    {
        ECDsa? owned = null;
        var ec = keys is null ? owned = ImportEc(spkiDer) : keys.Ec(spkiDer);
        try
        {
            if (ec is null) return SignatureCheck.BadKey;
            // X.509 carries ECDSA signatures as the DER SEQUENCE { r, s } (RFC 3279 §2.2.3).
            return ec.VerifyData(data, sig, hash, DSASignatureFormat.Rfc3279DerSequence) ? SignatureCheck.Valid : SignatureCheck.Invalid;
        }
        finally { owned?.Dispose(); }
    }

    /// <summary>RSA public key from an SPKI, decoded by us so that both rsaEncryption and id-RSASSA-PSS keys
    /// (RFC 4055 §1.2) are accepted; null when the SPKI is not a usable RSA key.</summary>
    internal static RSA? ImportRsa(byte[] spkiDer)
    {
        try
        {
            var spki = SubjectPublicKeyInfo.GetInstance(spkiDer);
            if (spki.Algorithm.Algorithm.Id is not (RsaEncryption or RsaPss)) return null;
            var key = RsaPublicKeyStructure.GetInstance(spki.ParsePublicKey());
            var rsa = RSA.Create();
            try
            {
                rsa.ImportParameters(new RSAParameters
                {
                    Modulus = key.Modulus.ToByteArrayUnsigned(),
                    Exponent = key.PublicExponent.ToByteArrayUnsigned(),
                });
                return rsa;
            }
            catch
            {
                rsa.Dispose();
                throw;
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or InvalidOperationException
                                      or IOException or InvalidCastException or FormatException)
        {
            return null;
        }
    }

    /// <summary>ECDSA public key from an SPKI (named curves .NET knows); null when not usable.</summary>
    internal static ECDsa? ImportEc(byte[] spkiDer)
    {
        var ec = ECDsa.Create();
        try
        {
            ec.ImportSubjectPublicKeyInfo(spkiDer, out _);
            return ec;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            ec.Dispose();
            return null;
        }
    }

    private static SignatureCheck VerifyEdwards(byte[] spkiDer, byte[] data, byte[] sig, string oid)
    {
        var spki = SubjectPublicKeyInfo.GetInstance(spkiDer);
        if (spki.Algorithm.Algorithm.Id != oid) return SignatureCheck.BadKey;
        var raw = spki.PublicKey.GetOctets();
        Org.BouncyCastle.Crypto.ISigner signer = oid == Ed25519 ? new Ed25519Signer() : new Ed448Signer([]);
        signer.Init(false, oid == Ed25519 ? new Ed25519PublicKeyParameters(raw) : new Ed448PublicKeyParameters(raw));
        signer.BlockUpdate(data, 0, data.Length);
        return signer.VerifySignature(sig) ? SignatureCheck.Valid : SignatureCheck.Invalid;
    }
}
