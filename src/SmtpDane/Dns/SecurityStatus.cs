namespace SmtpDane.Dns;

/// <summary>The security status of a DNS answer, RFC 4035 §4.3. Never combine by enum order; write the rule out.</summary>
public enum SecurityStatus
{
    /// <summary>"An RRset for which the resolver is able to build a chain of signed DNSKEY and DS RRs from a trusted
    /// security anchor to the RRset."</summary>
    Secure,
    /// <summary>"An RRset for which the resolver knows that it has no chain of signed DNSKEY and DS RRs from any
    /// trusted starting point to the RRset."</summary>
    Insecure,
    /// <summary>"An RRset for which the resolver believes that it ought to be able to establish a chain of trust but
    /// for which it is unable to do so" (bad signatures, missing proofs, expired RRSIGs…).</summary>
    Bogus,
    /// <summary>"An RRset for which the resolver is not able to determine whether the RRset should be signed"
    /// — here also: no usable answer at all (timeout, SERVFAIL, malformed reply).</summary>
    Indeterminate,
}
