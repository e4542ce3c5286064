using SmtpDane.Dns;

namespace SmtpDane.Dnssec.Denial;

/// <summary>An NSEC3 RR, signature already validated, owner = base32hex(hash) + "." + zone (RFC 5155 §3).</summary>
public sealed record Nsec3Evidence(DnsName Owner, Nsec3Record Record);
