using SmtpDane.Dns;

namespace SmtpDane.Dnssec.Chain;

/// <summary>The trust anchors of one zone: DS digests and/or DNSKEYs (RFC 4033 §2, RFC 7958 §1). Keys with the
/// REVOKE bit are never anchors (RFC 5011 §2.1) and are dropped on construction.</summary>
public sealed record TrustAnchor(DnsName Zone, IReadOnlyList<DsRecord> Ds, IReadOnlyList<DnskeyRecord> Keys);
