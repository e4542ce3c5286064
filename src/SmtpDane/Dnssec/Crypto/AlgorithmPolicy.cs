namespace SmtpDane.Dnssec.Crypto;

/// <summary>Which signing algorithms this validator judges. An algorithm we do not judge is not a failure:
/// a zone signed only with such algorithms is Insecure (RFC 4035 §5.2, RFC 6840 §5.2).</summary>
public static class AlgorithmPolicy
{
    /// <summary>
    /// SHA-1 signatures (RSASHA1 = 5, RSASHA1-NSEC3-SHA1 = 7) ARE validated.
    /// Policy as of 2026: RFC 8624 §3.1 says validators MUST implement both; RFC 9905 §2 (Oct 2025) deprecates them for
    /// signing, keeps "implementations MUST continue to support validation", and tells *operators* of validating
    /// resolvers to treat them as unsupported (→ Insecure); RHEL 9 / Fedora crypto policies already do. The mainstream
    /// resolvers that sending MTAs sit behind (Unbound, BIND, Knot, the big public resolvers) still validate them by
    /// default, so a DANE monitor predicting what most senders see validates them too. Set this to false to follow the
    /// RFC 9905 operator rule (SHA-1-only zones then come out Insecure, RFC 4035 §5.2).
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
