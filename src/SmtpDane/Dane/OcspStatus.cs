namespace SmtpDane.Dane;

/// <summary>What a stapled OCSP response (RFC 6066 §8) says about the leaf, after validation (RFC 6960 §3.2).</summary>
public enum OcspStatus
{
    /// <summary>The server stapled nothing.</summary>
    Missing,
    Good,
    Revoked,
    /// <summary>The responder does not know the certificate (RFC 6960 §2.2 "unknown").</summary>
    Unknown,
    /// <summary>responseStatus tryLater(3) (RFC 6960 §2.3): the responder could not answer at the time.</summary>
    TryLater,
    /// <summary>A response is there but cannot be relied on; see <see cref="OcspResult.InvalidReason"/>.</summary>
    Invalid,
}
