using SmtpDane.Dns;

namespace SmtpDane.Dnssec;

/// <summary>What one validation step concluded (RFC 4035 §4.3 states; never Indeterminate: a step that could not
/// fetch its data says so through <see cref="DnsProblemKind"/> in the lookup, not here). <see cref="Expiration"/> is the
/// earliest RRSIG expiration the step relied on, so a monitor can warn before a signature runs out.</summary>
public sealed record ValidationResult(SecurityStatus Status, DnsProblemKind? Problem, string Reason, DateTimeOffset? Expiration)
{
    /// <summary>For a Secure RRset: the RRSIG that verified (its Labels field tells whether a wildcard was expanded).</summary>
    public RrsigRecord? Signature { get; init; }

    public static ValidationResult Secure(DateTimeOffset? expiration, string reason = "") => new(SecurityStatus.Secure, null, reason, expiration);
    public static ValidationResult Bogus(DnsProblemKind problem, string reason) => new(SecurityStatus.Bogus, problem, reason, null);
    public static ValidationResult Insecure(DnsProblemKind problem, string reason) => new(SecurityStatus.Insecure, problem, reason, null);

    public bool IsSecure => Status == SecurityStatus.Secure;

    /// <summary>Earlier of two optional expirations (the path is only as fresh as its stalest signature).</summary>
    public static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);
}
