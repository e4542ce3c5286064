namespace SmtpDane.Dns;

/// <summary>NS RDATA (RFC 1035 §3.3.11).</summary>
public sealed record NsRecord(DnsName Host) : IRData
{
    public override string ToString() => Host.ToString();
}
