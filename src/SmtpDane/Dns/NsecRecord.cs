namespace SmtpDane.Dns;

/// <summary>NSEC RDATA (RFC 4034 §4.1): the next owner name in canonical order and the types at this owner.
/// The next name is kept in its received case: RFC 6840 §5.1 removed NSEC from the lower-casing list.</summary>
public sealed record NsecRecord(DnsName NextName, TypeBitmap Types) : IRData
{
    public override string ToString() => Types.Types.Count == 0 ? NextName.ToString() : $"{NextName} {Types}";
}
