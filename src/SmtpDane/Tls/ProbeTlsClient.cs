using System.Text;
using Org.BouncyCastle.Tls;

namespace SmtpDane.Tls;

/// <summary>The Bouncy Castle client configuration of the probe: TLS 1.3 and 1.2, a wide modern suite list, SNI
/// when a TLSA base domain is known, OCSP status_request, and no trust decisions.</summary>
internal sealed class ProbeTlsClient : AbstractTlsClient
{
    private readonly HandshakeRecorder _recorder;
    private readonly string? _serverName;

    public ProbeTlsClient(RecordingTlsCrypto crypto, string? serverName) : base(crypto)
    {
        _recorder = crypto.Recorder;
        // RFC 6066 §3: the HostName is sent without a trailing dot.
        _serverName = serverName?.TrimEnd('.');
        if (string.IsNullOrEmpty(_serverName)) _serverName = null;
    }

    /// <summary>Negotiated parameters (BC keeps the protocol's own context protected).</summary>
    public SecurityParameters SecurityParameters => m_context.SecurityParameters;

    /// <summary>The SNI name actually sent, or null.</summary>
    public string? ServerName => _serverName;

    /// <summary>TLS 1.3 first, then 1.2. Older versions are not offered: RFC 8996 deprecates them.</summary>
    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.TLSv13.DownTo(ProtocolVersion.TLSv12);

    protected override int[] GetSupportedCipherSuites() =>
        TlsUtilities.GetSupportedCipherSuites(Crypto, CipherSuiteNames.OfferedCodes);

    /// <summary>x25519, secp256r1, secp384r1, x448 for (EC)DHE; the RFC 7919 groups for the DHE suites.</summary>
    protected override IList<int> GetSupportedGroups(IList<int> namedGroupRoles)
    {
        var groups = new List<int>();
        if (namedGroupRoles.Contains(NamedGroupRole.ecdh))
        {
            TlsUtilities.AddIfSupported(groups, Crypto, new[] { NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1, NamedGroup.x448 });
        }
        if (namedGroupRoles.Contains(NamedGroupRole.dh))
        {
            TlsUtilities.AddIfSupported(groups, Crypto, new[] { NamedGroup.ffdhe2048, NamedGroup.ffdhe3072 });
        }
        return groups;
    }

    /// <summary>RFC 7672 §8.1: SNI is required when DANE applies; its value is the TLSA base domain.</summary>
    protected override IList<ServerName>? GetSniServerNames() =>
        _serverName is null ? null : new List<ServerName> { new(NameType.host_name, Encoding.ASCII.GetBytes(_serverName)) };

    /// <summary>Not checking the signature algorithms inside the served certificates against our list: a chain
    /// signed with an algorithm we did not list is a DANE question (the matcher reports it), not a reason to abort
    /// the handshake and lose the facts.</summary>
    public override bool ShouldCheckSigAlgOfPeerCerts() => false;

    /// <summary>We never renegotiate, so a server without RFC 5746 support is no risk to this probe; BC's default
    /// would abort the handshake.</summary>
    public override void NotifySecureRenegotiation(bool secureRenegotiation)
    {
    }

    public override void NotifySelectedCipherSuite(int selectedCipherSuite)
    {
        base.NotifySelectedCipherSuite(selectedCipherSuite);
        _recorder.ForgetClientHelloGroups();
    }

    public override TlsAuthentication GetAuthentication() => new RecordingAuthentication(_recorder);
}
