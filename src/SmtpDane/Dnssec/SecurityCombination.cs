using SmtpDane.Dns;

namespace SmtpDane.Dnssec;

/// <summary>How the states of the pieces of one answer (CNAME hops, the final RRset, its proofs) combine. Written
/// out instead of relying on enum order: any Bogus piece makes the whole Bogus (RFC 4035 §4.3: the data cannot be
/// trusted); otherwise a piece we could not decide makes it Indeterminate; otherwise one unsigned piece makes it Insecure.</summary>
public static class SecurityCombination
{
    public static SecurityStatus Combine(SecurityStatus a, SecurityStatus b)
    {
        if (a == SecurityStatus.Bogus || b == SecurityStatus.Bogus) return SecurityStatus.Bogus;
        if (a == SecurityStatus.Indeterminate || b == SecurityStatus.Indeterminate) return SecurityStatus.Indeterminate;
        if (a == SecurityStatus.Insecure || b == SecurityStatus.Insecure) return SecurityStatus.Insecure;
        return SecurityStatus.Secure;
    }
}
