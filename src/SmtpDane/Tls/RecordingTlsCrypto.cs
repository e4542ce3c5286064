using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace SmtpDane.Tls;

/// <summary>Bouncy Castle crypto that keeps what the TLS API does not expose: each certificate's wire bytes
/// (BC's <c>GetEncoded</c> re-encodes, which breaks DANE selector 0 for non-DER certificates, measured-facts.md)
/// and the TLS 1.2 key exchange group (BC's <c>NegotiatedGroup</c> is −1 under 1.2).</summary>
internal sealed class RecordingTlsCrypto : BcTlsCrypto
{
    /// <summary>One process-wide generator: seeding is costly and BC's SecureRandom is thread-safe.</summary>
    private static readonly SecureRandom SharedRandom = new();

    public RecordingTlsCrypto(HandshakeRecorder recorder) : base(SharedRandom) => Recorder = recorder;

    public HandshakeRecorder Recorder { get; }

    public override TlsCertificate CreateCertificate(short type, byte[] encoding)
    {
        if (type != CertificateType.X509) return base.CreateCertificate(type, encoding);
        return new RecordingCertificate(this, encoding);
    }

    public override TlsECDomain CreateECDomain(TlsECConfig ecConfig)
    {
        Recorder.Tls12Group = ecConfig.NamedGroup;
        return base.CreateECDomain(ecConfig);
    }

    public override TlsDHDomain CreateDHDomain(TlsDHConfig dhConfig)
    {
        // RFC 5246 §7.4.3 ServerDHParams: before RFC 7919 the server sends explicit p and g, with no name.
        if (dhConfig.NamedGroup >= 0) Recorder.Tls12Group = dhConfig.NamedGroup;
        else if (dhConfig.ExplicitGroup is { } explicitGroup) Recorder.Tls12ExplicitDhBits = explicitGroup.P.BitLength;
        return base.CreateDHDomain(dhConfig);
    }
}
