namespace SmtpDane.Probe.Report;

/// <summary>The TLSA side of an endpoint's verdict.</summary>
/// <param name="BaseDomain">TLSA base domain (RFC 7672 §2.2.2): CNAME-expanded host when every hop is secure.</param>
/// <param name="OwnerName">The TLSA RRset owner actually used, e.g. <c>_25._tcp.mx.example.org</c>.</param>
/// <param name="Records">Every record with its outcome, in the order the lookup returned them.</param>
/// <param name="Match">The deciding record and depth; null when nothing matched.</param>
public sealed record TlsaReport(
    string BaseDomain,
    string OwnerName,
    IReadOnlyList<TlsaRecordOutcome> Records,
    TlsaMatch? Match);
