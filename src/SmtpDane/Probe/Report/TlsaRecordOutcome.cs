namespace SmtpDane.Probe.Report;

/// <summary>One TLSA record and what became of it, so every record that did not match is reported too
/// (dane-rules.md §3.8).</summary>
/// <param name="Record">Presentation form, e.g. <c>3 1 1 8cb0…</c>.</param>
/// <param name="Outcome">e.g. <c>matched at depth 0</c>, <c>no match</c>, <c>dropped: PKIX-EE(1) unusable for SMTP</c>.</param>
public sealed record TlsaRecordOutcome(string Record, string Outcome);
