using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Tls;

namespace SmtpDane.Tls;

/// <summary>Accepts whatever chain the server sends and records it: the probe never decides trust at handshake
/// time; the DANE matcher does, later, from the recorded bytes (RFC 7672 §3.1 makes trust a TLSA question).</summary>
internal sealed class RecordingAuthentication : TlsAuthentication
{
    private readonly HandshakeRecorder _recorder;

    public RecordingAuthentication(HandshakeRecorder recorder) => _recorder = recorder;

    public void NotifyServerCertificate(TlsServerCertificate serverCertificate)
    {
        var certificate = serverCertificate.Certificate;
        var chain = new List<byte[]>(certificate.Length);
        for (int i = 0; i < certificate.Length; i++)
        {
            var entry = certificate.GetCertificateAt(i);
            chain.Add(entry is RecordingCertificate recorded ? recorded.WireEncoding : entry.GetEncoded());
        }
        _recorder.ChainDer = chain;

        // TLS 1.2 (RFC 6066 §8): a CertificateStatus handshake message. BC requires its OCSPResponse to be DER
        // (it checks the re-encoding), so the DER re-encoding is the exact received staple.
        if (serverCertificate.CertificateStatus?.OcspResponse is { } ocsp)
        {
            _recorder.OcspStaple = ocsp.GetEncoded(Asn1Encodable.Der);
            return;
        }

        // TLS 1.3 (RFC 8446 §4.4.2.1): the staple rides in the leaf's CertificateEntry extensions and must be read
        // here; BC offers it nowhere else (measured-facts.md).
        if (!certificate.IsEmpty
            && certificate.GetCertificateEntryAt(0).Extensions is { } extensions
            && extensions.TryGetValue(ExtensionType.status_request, out var data))
        {
            _recorder.OcspStaple = OcspStapleReader.Read(data, out var problem);
            _recorder.StapleProblem = problem;
        }
    }

    /// <summary>We never present a client certificate (RFC 7672 §8.1: SMTP clients normally do not).</summary>
    public TlsCredentials? GetClientCredentials(CertificateRequest certificateRequest) => null;
}
