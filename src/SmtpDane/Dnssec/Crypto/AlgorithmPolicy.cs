namespace SmtpDane.Dnssec.Crypto;

/// <summary>Which signing algorithms this validator judges. An algorithm we do not judge is not a failure:
/// a zone signed only with such algorithms is Insecure (RFC 4035 §5.2, RFC 6840 §5.2).</summary>
public static class AlgorithmPolicy
{
    /// <summary>
    /// SHA-1 signatures (RSASHA1 = 5, RSASHA1-NSEC3-SHA1 = 7) ARE validated.
    /// Why: RFC 8624 §3.1 lists both as "MUST" validate, and RFC 9905 §2 (Oct 2025), which deprecates them for
    /// signing, still says validating implementations "MUST continue to support validation using these
    /// algorithms". RFC 9905 lets *operators* treat them as unsupported, and RHEL/Fedora's crypto policy does so,
    /// but the mainstream resolvers that sending MTAs use (Unbound, BIND, Knot defaults) still validate them,
    /// so a DANE monitor that predicts what senders see must validate them too. Flip this constant to make
    /// SHA-1-only zones come out Insecure instead.
    /// </summary>
    public const bool ValidateSha1Signatures = true;

    /// <summary>True if <see cref="SignatureVerifier"/> can judge signatures of this algorithm.
    /// RSAMD5 (1), DSA (3, 6) and ECC-GOST (12) are "MUST NOT validate" in RFC 8624 §3.1.</summary>
    public static bool IsSupported(byte algorithm) => (DnssecAlgorithm)algorithm switch
    {
        DnssecAlgorithm.RsaSha1 or DnssecAlgorithm.RsaSha1Nsec3Sha1 => ValidateSha1Signatures,
        DnssecAlgorithm.RsaSha256 or DnssecAlgorithm.RsaSha512 => true,
        DnssecAlgorithm.EcdsaP256Sha256 or DnssecAlgorithm.EcdsaP384Sha384 => true,
        DnssecAlgorithm.Ed25519 or DnssecAlgorithm.Ed448 => true,
        _ => false,
    };
}
