using System.Text;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace SmtpDane.Tests.Tls;

/// <summary>A real Bouncy Castle TLS server for the probe to talk to; it records what the client sent.</summary>
public sealed class TestTlsServer : DefaultTlsServer
{
    private readonly TlsServerOptions _options;

    public TestTlsServer(TlsServerOptions options) : base(new BcTlsCrypto()) => _options = options;

    /// <summary>SNI host name received, or null when the client sent none.</summary>
    public string? ReceivedServerName { get; private set; }

    /// <summary>The chain as this server put it on the wire, leaf first.</summary>
    public IReadOnlyList<byte[]> SentChain => new[] { _options.SendBerLeaf ? _options.Pki.LeafBer : _options.Pki.LeafDer, _options.Pki.CaDer };

    protected override ProtocolVersion[] GetSupportedVersions() => _options.Version.Only();

    protected override int[] GetSupportedCipherSuites()
    {
        if (_options.CipherSuites is { } suites) return suites;
        bool rsa = _options.Pki.LeafKeyType == LeafKey.Rsa;
        return TlsUtilities.GetSupportedCipherSuites(Crypto, new[]
        {
            CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
            rsa ? CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 : CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            rsa ? CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 : CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        });
    }

    public override int[] GetSupportedGroups() => _options.Groups ?? base.GetSupportedGroups();

    public override void ProcessClientExtensions(IDictionary<int, byte[]> clientExtensions)
    {
        base.ProcessClientExtensions(clientExtensions);
        var names = TlsExtensionsUtilities.GetServerNameExtensionClient(clientExtensions);
        if (names is { Count: > 0 }) ReceivedServerName = Encoding.ASCII.GetString(names[0].NameData);
        if (_options.FailWithAlert is { } alert) throw new TlsFatalAlert(alert);
    }

    public override CertificateStatus? GetCertificateStatus() => _options.Staple
        ? new CertificateStatus(CertificateStatusType.ocsp, Org.BouncyCastle.Asn1.Ocsp.OcspResponse.GetInstance(_options.Pki.OcspResponseDer))
        : null;

    /// <summary>RFC 8446 §4.4.2.1: in TLS 1.3 the staple is a CertificateStatus inside the leaf's CertificateEntry
    /// extensions (BC's server does not put it there from GetCertificateStatus, so the test does).</summary>
    private Dictionary<int, byte[]>? LeafExtensions13()
    {
        if (!_options.Staple || m_certificateStatusRequest is null) return null;
        using var buffer = new MemoryStream();
        GetCertificateStatus()!.Encode(buffer);
        return new Dictionary<int, byte[]> { [ExtensionType.status_request] = buffer.ToArray() };
    }

    /// <summary>TLS 1.2 (RFC 8422 §5.4): the server picks the curve; use the configured one when there is one.</summary>
    protected override int SelectECDH(int minimumCurveBits) =>
        _options.Groups is { Length: 1 } groups ? groups[0] : base.SelectECDH(minimumCurveBits);

    /// <summary>TLS 1.2 DHE: the configured finite-field group, when there is one.</summary>
    protected override int SelectDH(int minimumFiniteFieldBits) =>
        _options.Groups is { Length: 1 } groups && NamedGroup.IsFiniteField(groups[0]) ? groups[0] : base.SelectDH(minimumFiniteFieldBits);

    public override TlsDHConfig GetDHConfig() =>
        _options.ExplicitDhGroup is { } explicitGroup ? new TlsDHConfig(explicitGroup) : base.GetDHConfig();

    public override CertificateRequest? GetCertificateRequest() => _options.RequireClientCertificate
        ? new CertificateRequest(Array.Empty<byte>(), TlsUtilities.GetDefaultSupportedSignatureAlgorithms(m_context), null, null)
        : null;

    /// <summary>RFC 8446 §4.4.2.4: a server that requires a certificate and gets none aborts with certificate_required.</summary>
    public override void NotifyClientCertificate(Certificate clientCertificate)
    {
        if (_options.RequireClientCertificate && clientCertificate.IsEmpty) throw new TlsFatalAlert(AlertDescription.certificate_required);
        base.NotifyClientCertificate(clientCertificate);
    }

    public override TlsCredentials GetCredentials()
    {
        var crypto = (BcTlsCrypto)Crypto;
        var leaf = _options.SendBerLeaf ? new VerbatimCertificate(crypto, _options.Pki.LeafBer) : crypto.CreateCertificate(_options.Pki.LeafDer);
        var certs = new TlsCertificate[] { leaf, crypto.CreateCertificate(_options.Pki.CaDer) };
        bool tls13 = TlsUtilities.IsTlsV13(m_context);
        var certificate = tls13
            ? new Certificate(Array.Empty<byte>(), new[] { new CertificateEntry(certs[0], LeafExtensions13()), new CertificateEntry(certs[1], null) })
            : new Certificate(certs);
        // rsa_pss_rsae_sha256 works for RSA keys in both versions (RFC 8446 §4.2.3); ECDSA P-256 with SHA-256.
        var signature = _options.Pki.LeafKeyType == LeafKey.Rsa
            ? SignatureAndHashAlgorithm.rsa_pss_rsae_sha256
            : SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(m_context), crypto, _options.Pki.LeafPrivateKey, certificate, signature);
    }
}
