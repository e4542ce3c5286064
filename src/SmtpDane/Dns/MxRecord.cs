namespace SmtpDane.Dns;

/// <summary>MX RDATA (RFC 1035 §3.3.9). An Exchange of "." with preference 0 is a null MX (RFC 7505).</summary>
public sealed record MxRecord(ushort Preference, DnsName Exchange) : IRData
{
    /// <summary>RFC 7505 §3: a single MX with empty exchange (the root) means "no mail accepted".</summary>
    public bool IsNullMx => Exchange.IsRoot;

    public override string ToString() => $"{Preference} {Exchange}";
}
