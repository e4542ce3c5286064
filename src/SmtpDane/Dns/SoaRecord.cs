namespace SmtpDane.Dns;

/// <summary>SOA RDATA (RFC 1035 §3.3.13). Minimum is the negative-caching TTL (RFC 2308 §4).</summary>
public sealed record SoaRecord(DnsName PrimaryServer, DnsName Mailbox, uint Serial, uint Refresh, uint Retry,
    uint Expire, uint Minimum) : IRData
{
    public override string ToString() => $"{PrimaryServer} {Mailbox} {Serial} {Refresh} {Retry} {Expire} {Minimum}";
}
