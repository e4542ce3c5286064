using SmtpDane.Dns;

namespace SmtpDane.Dnssec.Denial;

/// <summary>An NSEC RR whose signature already validated and which was NOT itself synthesised from a wildcard
/// (RRSIG Labels == owner labels; CVE-2017-15105: an expanded NSEC proves nothing about the QNAME).</summary>
public sealed record NsecEvidence(DnsName Owner, NsecRecord Record);

/// <summary>An NSEC3 RR, signature already validated, owner = base32hex(hash) + "." + zone (RFC 5155 §3).</summary>
public sealed record Nsec3Evidence(DnsName Owner, Nsec3Record Record);
