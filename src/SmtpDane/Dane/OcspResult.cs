using SmtpDane.Probe;

namespace SmtpDane.Dane;

/// <summary>Validated OCSP staple. <see cref="InvalidReason"/> is set only for <see cref="OcspStatus.Invalid"/>;
/// <see cref="ResponderStatusCode"/> is the OCSPResponseStatus when it was not successful.</summary>
public sealed record OcspResult(
    OcspStatus Status,
    OcspInvalidReason? InvalidReason = null,
    int? ResponderStatusCode = null,
    OcspResponderKind? Responder = null,
    DateTimeOffset? ThisUpdate = null,
    DateTimeOffset? NextUpdate = null,
    DateTimeOffset? RevocationTime = null,
    int? RevocationReason = null)
{
    /// <summary>The finding this result gives, or null when there is nothing to report. The policy, in one place:
    /// <list type="bullet">
    /// <item>Missing: an error only under -expect-ocsp (dane-rules.md §3.10); otherwise silent — stapling is optional.</item>
    /// <item>Revoked: always an error — the CA has withdrawn the certificate, whatever the flags.</item>
    /// <item>TryLater: a warning, never an error, with or without -expect-ocsp. The original tool did not treat
    /// it as an error (its README: "may be in future, if good evidence is presented"); a responder being briefly
    /// unable to answer says nothing bad about the certificate, but a monitor should still show it.</item>
    /// <item>Unknown / Invalid: an error under -expect-ocsp (the operator asked for a usable staple), otherwise a
    /// warning (a broken staple is a configuration fault even when not required).</item>
    /// </list></summary>
    public Finding? ToFinding(bool expectOcsp) => Status switch
    {
        OcspStatus.Good => null,
        OcspStatus.Missing => expectOcsp ? new Finding(StatusToken.OcspMissing, Severity.Error, "no OCSP response was stapled") : null,
        OcspStatus.Revoked => new Finding(StatusToken.OcspRevoked, Severity.Error,
            $"the stapled OCSP response says the certificate was revoked at {RevocationTime:u}" +
            (RevocationReason is { } r ? $" (CRLReason {r})" : "")),
        OcspStatus.TryLater => new Finding(StatusToken.OcspTryLater, Severity.Warning, "the stapled OCSP response is tryLater"),
        OcspStatus.Unknown => new Finding(StatusToken.OcspInvalid, expectOcsp ? Severity.Error : Severity.Warning,
            "the OCSP responder does not know the certificate (status unknown)"),
        _ => new Finding(StatusToken.OcspInvalid, expectOcsp ? Severity.Error : Severity.Warning,
            $"the stapled OCSP response cannot be relied on: {InvalidReason}" +
            (ResponderStatusCode is { } c ? $" (responseStatus {c})" : "")),
    };
}
