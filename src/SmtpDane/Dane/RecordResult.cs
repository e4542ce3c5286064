namespace SmtpDane.Dane;

/// <summary>What happened to one usable TLSA record during matching.</summary>
public enum RecordResult
{
    /// <summary>The record matched and (for DANE-TA) a valid path from the leaf reaches it.</summary>
    Matched,
    /// <summary>No certificate (nor, for DANE-TA "2 0 0"/"2 1 0", the record's own certificate or key) matched.</summary>
    NoCertificateMatched,
    /// <summary>The server sent no certificate at all.</summary>
    EmptyChain,
    /// <summary>The leaf could not be decoded, so its key (selector 1) or its issuer chain cannot be found.</summary>
    LeafUnparseable,
    /// <summary>DANE-TA: the anchor was found but a certificate on the way is not signed by its issuer.</summary>
    SignatureInvalid,
    /// <summary>DANE-TA: a signature on the way uses an algorithm we refuse (SHA-1, MD5, unknown) or an undecodable key.</summary>
    UnsupportedSignatureAlgorithm,
    /// <summary>DANE-TA: an issuing certificate is not a CA (basicConstraints cA, keyCertSign; RFC 5280 §6.1.4(k)(n)).</summary>
    IssuerNotCa,
    /// <summary>DANE-TA: a pathLenConstraint is exceeded (RFC 5280 §6.1.4(l)(m)).</summary>
    PathLengthExceeded,
    /// <summary>DANE-TA: the record matched a served certificate, but no chain of issuers links the leaf to it.</summary>
    NoPathToAnchor,
    /// <summary>DANE-TA: path building gave up (too long, or too many candidate paths; a hostile chain).</summary>
    PathBuildingBudgetExceeded,
}
