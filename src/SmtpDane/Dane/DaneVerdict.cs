using SmtpDane.Dns;
using SmtpDane.Probe;

namespace SmtpDane.Dane;

/// <summary>The DANE decision for one endpoint.
/// <see cref="Status"/>: the headline token (pass, tlsa-mismatch, name-mismatch, cert-expired,
/// cert-not-yet-valid, cert-expiring, tlsa-unusable); <see cref="Severity"/>: the worst finding.
/// <see cref="MatchedRecord"/>/<see cref="MatchedDepth"/>: the record the verdict rests on (null when none matched);
/// <see cref="Records"/>: every usable record's own result; <see cref="Findings"/>: warnings and errors, expiry
/// reported once per certificate; <see cref="Certificates"/>: the certificates the verdict rests on (leaf first).</summary>
public sealed record DaneVerdict(
    StatusToken Status,
    Severity Severity,
    TlsaRecord? MatchedRecord,
    int? MatchedDepth,
    NameMatch? MatchedName,
    IReadOnlyList<RecordOutcome> Records,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<VerdictCertificate> Certificates)
{
    /// <summary>A TLSA record matched and nothing that decides the result failed (warnings allowed).</summary>
    public bool IsAuthenticated => MatchedRecord is not null && Severity != Severity.Error;
}
