namespace SmtpDane.Dns;

/// <summary>PTR RDATA (RFC 1035 §3.3.12).</summary>
public sealed record PtrRecord(DnsName Target) : IRData
{
    public override string ToString() => Target.ToString();
}
