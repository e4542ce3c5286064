using SmtpDane.Probe.Report;

namespace SmtpDane.Probe;

/// <summary>What is known about one host before its addresses are probed: shared by all its endpoints.</summary>
/// <param name="Host">The host plan.</param>
/// <param name="OriginalDomain">The MX/SRV domain the host came from (a reference identifier, RFC 7672 §3.2.3), or null.</param>
/// <param name="Addresses">The address decision.</param>
/// <param name="Tlsa">The TLSA decision; null for an IP literal without -tlsa-name/-aka (DANE cannot apply).</param>
/// <param name="TargetFacts">The target's own DNS facts (MX/SRV), for the RRSIG expiry check.</param>
public sealed record EndpointContext(
    HostPlan Host,
    string? OriginalDomain,
    AddressDecision? Addresses,
    TlsaDecision? Tlsa,
    IReadOnlyList<DnsFact> TargetFacts);
