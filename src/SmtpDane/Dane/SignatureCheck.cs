namespace SmtpDane.Dane;

/// <summary>Outcome of one cryptographic signature check (only the mathematics; validity dates and
/// constraints are judged elsewhere).</summary>
internal enum SignatureCheck
{
    Valid,
    Invalid,
    /// <summary>Signature algorithm we do not accept (unknown OID, SHA-1/MD5, PSS parameters .NET cannot do).</summary>
    UnsupportedAlgorithm,
    /// <summary>The signer's public key could not be decoded, or does not fit the signature algorithm.</summary>
    BadKey,
}
