using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace SmtpDane.Tests.Tls;

public enum LeafKey { Rsa, Ecdsa }

/// <summary>A throwaway PKI made in the test run with Bouncy Castle: an ECDSA P-256 CA, an RSA-2048 or ECDSA
/// P-256 leaf signed by it, and a signed "good" OCSP response for the leaf. Nothing is read from disk.</summary>
public sealed class TestPki
{
    private static readonly SecureRandom Random = new();
    private static readonly Lazy<TestPki> RsaPki = new(() => new TestPki(LeafKey.Rsa));
    private static readonly Lazy<TestPki> EcdsaPki = new(() => new TestPki(LeafKey.Ecdsa));

    public static TestPki For(LeafKey key) => key == LeafKey.Rsa ? RsaPki.Value : EcdsaPki.Value;

    private TestPki(LeafKey key)
    {
        var now = DateTime.UtcNow;
        var caKeys = EcKeys();
        var caName = new X509Name("CN=smtpdane test CA");
        var ca = Build(caName, caName, caKeys.Public, caKeys.Private, "SHA256WITHECDSA", isCa: true, now, serial: 1);

        var leafKeys = key == LeafKey.Rsa ? RsaKeys() : EcKeys();
        var leaf = Build(caName, new X509Name("CN=mx.example.test"), leafKeys.Public, caKeys.Private, "SHA256WITHECDSA", isCa: false, now, serial: 2);

        LeafKeyType = key;
        LeafPrivateKey = leafKeys.Private;
        LeafDer = leaf.GetEncoded();
        CaDer = ca.GetEncoded();

        var ocsp = new BasicOcspRespGenerator(new RespID(caKeys.Public));
        ocsp.AddResponse(new CertificateID(new AlgorithmIdentifier(OiwObjectIdentifiers.IdSha1, DerNull.Instance), ca, leaf.SerialNumber), CertificateStatus.Good);
        var basic = ocsp.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", caKeys.Private, Random), new[] { ca }, now);
        OcspResponseDer = new OCSPRespGenerator().Generate(OCSPRespGenerator.Successful, basic).GetEncoded();
    }

    public LeafKey LeafKeyType { get; }
    public AsymmetricKeyParameter LeafPrivateKey { get; }
    public byte[] LeafDer { get; }

    /// <summary>The same leaf with its outer SEQUENCE length in a non-minimal long form (30 83 00 HH LL instead of
    /// 30 82 HH LL): valid BER, not DER. A re-encoding client would report one octet less than was sent.</summary>
    public byte[] LeafBer
    {
        get
        {
            if (LeafDer[0] != 0x30 || LeafDer[1] != 0x82) throw new InvalidOperationException("leaf length is not in the 2-octet long form");
            return new byte[] { 0x30, 0x83, 0x00 }.Concat(LeafDer.Skip(2)).ToArray();
        }
    }
    public byte[] CaDer { get; }
    public byte[] OcspResponseDer { get; }

    private static AsymmetricCipherKeyPair EcKeys()
    {
        var g = new ECKeyPairGenerator();
        g.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, Random));
        return g.GenerateKeyPair();
    }

    private static AsymmetricCipherKeyPair RsaKeys()
    {
        var g = new RsaKeyPairGenerator();
        g.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), Random, 2048, 25));
        return g.GenerateKeyPair();
    }

    private static X509Certificate Build(X509Name issuer, X509Name subject, AsymmetricKeyParameter publicKey,
        AsymmetricKeyParameter signingKey, string algorithm, bool isCa, DateTime now, long serial)
    {
        var g = new X509V3CertificateGenerator();
        g.SetSerialNumber(BigInteger.ValueOf(serial));
        g.SetIssuerDN(issuer);
        g.SetSubjectDN(subject);
        g.SetNotBefore(now.AddDays(-1));
        g.SetNotAfter(now.AddDays(30));
        g.SetPublicKey(publicKey);
        g.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(isCa));
        if (!isCa)
        {
            g.AddExtension(X509Extensions.SubjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.DnsName, "mx.example.test")));
        }
        return g.Generate(new Asn1SignatureFactory(algorithm, signingKey, Random));
    }
}
