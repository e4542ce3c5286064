namespace SmtpDane.Dns.Wire;

/// <summary>The only exception the wire decoder throws: the data is not a valid DNS message, with the reason and the
/// octet offset where decoding stopped.</summary>
public sealed class DnsFormatException(DnsFormatError reason, int offset, string detail)
    : Exception($"{reason} at offset {offset}: {detail}")
{
    public DnsFormatError Reason { get; } = reason;
    public int Offset { get; } = offset;
}
