using SmtpDane.Dns;

namespace SmtpDane.Probe;

/// <summary>Findings for DNS answers that cannot be used, in one place so MX, SRV, address and TLSA lookups
/// speak the same words (dane-rules.md §1: failed, proven absent and present never blur).</summary>
public static class DnsFindings
{
    /// <summary>A finding for an answer that failed (Bogus or Indeterminate), or null when it can be used.
    /// RFC 7672 §2.1.1: a bogus or failed lookup is a (temporary) delivery failure, never "no DANE".</summary>
    public static Finding? Failure(DnsAnswer a, string what)
    {
        string why = a.Problem is null ? "" : $": {a.Problem.Message}";
        return a.Security switch
        {
            SecurityStatus.Bogus => new Finding(StatusToken.DnssecBogus, Severity.Error, $"{what} failed DNSSEC validation{why}"),
            SecurityStatus.Indeterminate => new Finding(StatusToken.DnsFailed, Severity.Error, $"{what} lookup failed{why}"),
            _ => null,
        };
    }

    /// <summary>Whether the failure is on our side of the wire (no resolver answered, budget, timeout) rather
    /// than a fact about the target: such targets are "not judged" (Nagios UNKNOWN when nothing was judged).</summary>
    public static bool IsLocalFailure(DnsAnswer a) =>
        a.Security == SecurityStatus.Indeterminate && a.Problem?.Kind is DnsProblemKind.NoResolverConfigured
            or DnsProblemKind.Timeout or DnsProblemKind.NetworkError;
}
