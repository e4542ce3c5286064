using SmtpDane.Dns;

namespace SmtpDane.Dnssec;

/// <summary>What the validator needs from one reply of the recursive resolver (asked with DO=1, CD=1).
/// <see cref="DnssecOk"/> is the DO bit echoed in the reply's OPT record (RFC 3225 §3): a resolver that drops it
/// does not return DNSSEC records, and validation is impossible.</summary>
public sealed record UpstreamReply(int Rcode, bool DnssecOk, IReadOnlyList<ResourceRecord> Answer, IReadOnlyList<ResourceRecord> Authority)
{
    public const int NoError = 0, NxDomain = 3;
}
