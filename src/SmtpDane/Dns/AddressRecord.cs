using System.Net;

namespace SmtpDane.Dns;

/// <summary>A (RFC 1035 §3.4.1, 4 octets) or AAAA (RFC 3596 §2.2, 16 octets) RDATA.</summary>
public sealed record AddressRecord(IPAddress Address) : IRData
{
    public override string ToString() => Address.ToString();
}
