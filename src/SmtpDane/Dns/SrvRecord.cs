namespace SmtpDane.Dns;

/// <summary>SRV RDATA (RFC 2782). A Target of "." means the service is decidedly not available.</summary>
public sealed record SrvRecord(ushort Priority, ushort Weight, ushort Port, DnsName Target) : IRData
{
    public override string ToString() => $"{Priority} {Weight} {Port} {Target}";
}
