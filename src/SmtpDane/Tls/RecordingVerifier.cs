using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;

namespace SmtpDane.Tls;

/// <summary>Passes TLS 1.2 signature checks through unchanged and notes the scheme of the DigitallySigned.</summary>
internal sealed class RecordingVerifier : TlsVerifier
{
    private readonly TlsVerifier _inner;
    private readonly HandshakeRecorder _recorder;

    public RecordingVerifier(TlsVerifier inner, HandshakeRecorder recorder)
    {
        _inner = inner;
        _recorder = recorder;
    }

    public TlsStreamVerifier GetStreamVerifier(DigitallySigned digitallySigned)
    {
        Note(digitallySigned);
        return _inner.GetStreamVerifier(digitallySigned);
    }

    public bool VerifyRawSignature(DigitallySigned digitallySigned, byte[] hash)
    {
        Note(digitallySigned);
        return _inner.VerifyRawSignature(digitallySigned, hash);
    }

    private void Note(DigitallySigned signed)
    {
        // RFC 5246 §4.7: the algorithm is absent only before TLS 1.2, which we never offer.
        if (signed.Algorithm is { } alg) _recorder.SignatureScheme = SignatureScheme.From(alg);
    }
}
