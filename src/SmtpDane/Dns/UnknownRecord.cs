namespace SmtpDane.Dns;

/// <summary>RDATA of a type this tool does not interpret, kept as octets (RFC 3597 §5: "\# len hex").</summary>
public sealed record UnknownRecord(byte[] Data) : IRData
{
    public bool Equals(UnknownRecord? other) => other is not null && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => Data.Length;

    public override string ToString() =>
        Data.Length == 0 ? "\\# 0" : $"\\# {Data.Length} {Convert.ToHexString(Data)}";
}
