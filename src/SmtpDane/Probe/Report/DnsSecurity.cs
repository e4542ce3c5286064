namespace SmtpDane.Probe.Report;

/// <summary>The report's mirror of the four RFC 4035 §4.3 security states. Deliberately a separate type from
/// the DNS layer's enum so the report (and its JSON schema) does not depend on resolver internals.</summary>
public enum DnsSecurity
{
    /// <summary>RFC 4035 §4.3: an unbroken chain of signed DNSKEY and DS RRs from a trust anchor to the RRset.</summary>
    Secure,
    /// <summary>RFC 4035 §4.3: proven to have no chain of trust (unsigned delegation).</summary>
    Insecure,
    /// <summary>RFC 4035 §4.3: should have been secure but validation failed.</summary>
    Bogus,
    /// <summary>RFC 4035 §4.3: security could not be determined (no answer, timeout, SERVFAIL).</summary>
    Indeterminate,
}

public static class DnsSecurityText
{
    public static string ToToken(this DnsSecurity s) => s switch
    {
        DnsSecurity.Secure => "secure",
        DnsSecurity.Insecure => "insecure",
        DnsSecurity.Bogus => "bogus",
        DnsSecurity.Indeterminate => "indeterminate",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}
