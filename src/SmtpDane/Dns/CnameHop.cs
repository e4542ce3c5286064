namespace SmtpDane.Dns;

/// <summary>One CNAME (or DNAME-synthesised CNAME) step followed while answering, with its own security status
/// (RFC 7672 §2.2.2 needs every hop secure before the expanded name may serve as TLSA base domain).</summary>
public sealed record CnameHop(DnsName Owner, DnsName Target, SecurityStatus Security);
