using SmtpDane.Dns;

namespace SmtpDane.Dnssec.Denial;

/// <summary>An NSEC RR whose signature already validated and which was NOT itself synthesised from a wildcard
/// (RRSIG Labels == owner labels; CVE-2017-15105: an expanded NSEC proves nothing about the QNAME).</summary>
public sealed record NsecEvidence(DnsName Owner, NsecRecord Record);
