namespace SmtpDane.Dns;

/// <summary>DNAME RDATA (RFC 6672 §2.1): the target replacing the owner as a suffix of names below it.</summary>
public sealed record DnameRecord(DnsName Target) : IRData
{
    public override string ToString() => Target.ToString();
}
