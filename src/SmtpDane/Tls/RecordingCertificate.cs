using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace SmtpDane.Tls;

/// <summary>A BC certificate that remembers its exact wire encoding and which signature scheme the handshake
/// was verified with (BC has no API for the peer's signature scheme, measured-facts.md).</summary>
internal sealed class RecordingCertificate : BcTlsCertificate
{
    private readonly RecordingTlsCrypto _crypto;
    private readonly byte[] _wire;

    public RecordingCertificate(RecordingTlsCrypto crypto, byte[] encoding) : base(crypto, encoding)
    {
        _crypto = crypto;
        _wire = (byte[])encoding.Clone();
    }

    /// <summary>The certificate exactly as the server sent it (RFC 8446 §4.4.2 cert_data / RFC 5246 §7.4.2 ASN.1Cert).</summary>
    public byte[] WireEncoding => (byte[])_wire.Clone();

    /// <summary>TLS 1.3 (RFC 8446 §4.4.3): the scheme is known when the verifier is made.</summary>
    public override Tls13Verifier CreateVerifier(int signatureScheme)
    {
        _crypto.Recorder.SignatureScheme = signatureScheme;
        return base.CreateVerifier(signatureScheme);
    }

    /// <summary>TLS 1.2 (RFC 5246 §7.4.3): only the signature algorithm is known here; the hash arrives with the
    /// DigitallySigned, so the verifier is wrapped to read it there.</summary>
    public override TlsVerifier CreateVerifier(short signatureAlgorithm) =>
        new RecordingVerifier(base.CreateVerifier(signatureAlgorithm), _crypto.Recorder);
}
