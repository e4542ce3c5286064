namespace SmtpDane.Dns.Wire;

/// <summary>A question entry (RFC 1035 §4.1.2).</summary>
public sealed record DnsQuestion(DnsName Name, RecordType Type, RecordClass Class = RecordClass.IN)
{
    public override string ToString() => $"{Name} {Class.ToText()} {Type.ToText()}";
}
