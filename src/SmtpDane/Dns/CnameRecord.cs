namespace SmtpDane.Dns;

/// <summary>CNAME RDATA (RFC 1035 §3.3.1): the canonical name the owner is an alias of.</summary>
public sealed record CnameRecord(DnsName Target) : IRData
{
    public override string ToString() => Target.ToString();
}
