namespace SmtpDane.Dane;

/// <summary>Memoises signature checks within one match, so several TLSA records walking the same chain cost one
/// verification per (certificate, signer) pair (keys are object identities), and each public key is imported
/// once.</summary>
internal sealed class SignatureCache : IDisposable
{
    private readonly Dictionary<(object Child, object Signer), SignatureCheck> _done = new();
    private readonly PublicKeyCache _keys = new();

    public void Dispose() => _keys.Dispose();

    public SignatureCheck SignedBy(ParsedCertificate child, ParsedCertificate issuer) =>
        Check(child, issuer, issuer.SpkiDer);

    public SignatureCheck SignedByKey(ParsedCertificate child, byte[] spkiDer) => Check(child, spkiDer, spkiDer);

    private SignatureCheck Check(ParsedCertificate child, object signer, byte[] spki)
    {
        if (_done.TryGetValue((child, signer), out var r)) return r;
        r = SignatureVerifier.Verify(child.SignatureAlgorithm, child.TbsDer, child.SignatureValue, spki, _keys);
        _done[(child, signer)] = r;
        return r;
    }
}
