namespace SmtpDane.Dane;

/// <summary>Memoises signature checks within one match, so several TLSA records walking the same chain cost one
/// verification per (certificate, signer) pair. Keys are object identities.</summary>
internal sealed class SignatureCache
{
    private readonly Dictionary<(object Child, object Signer), SignatureCheck> _done = new();

    public SignatureCheck SignedBy(ParsedCertificate child, ParsedCertificate issuer) =>
        Check(child, issuer, issuer.SpkiDer);

    public SignatureCheck SignedByKey(ParsedCertificate child, byte[] spkiDer) => Check(child, spkiDer, spkiDer);

    private SignatureCheck Check(ParsedCertificate child, object signer, byte[] spki)
    {
        if (_done.TryGetValue((child, signer), out var r)) return r;
        r = SignatureVerifier.Verify(child.SignatureAlgorithm, child.TbsDer, child.SignatureValue, spki);
        _done[(child, signer)] = r;
        return r;
    }
}
