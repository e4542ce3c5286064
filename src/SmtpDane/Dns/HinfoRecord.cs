namespace SmtpDane.Dns;

/// <summary>HINFO RDATA (RFC 1035 §3.3.2): two character-strings, CPU and OS. Present in the RFC 4035 example zone.</summary>
public sealed record HinfoRecord(byte[] Cpu, byte[] Os) : IRData
{
    public bool Equals(HinfoRecord? other) =>
        other is not null && Cpu.AsSpan().SequenceEqual(other.Cpu) && Os.AsSpan().SequenceEqual(other.Os);

    public override int GetHashCode() => HashCode.Combine(Cpu.Length, Os.Length);

    public override string ToString() => $"{CharacterString.ToText(Cpu)} {CharacterString.ToText(Os)}";
}
