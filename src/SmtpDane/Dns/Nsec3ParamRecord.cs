namespace SmtpDane.Dns;

/// <summary>NSEC3PARAM RDATA (RFC 5155 §4.2).</summary>
public sealed record Nsec3ParamRecord(byte HashAlgorithm, byte Flags, ushort Iterations, byte[] Salt) : IRData
{
    public bool Equals(Nsec3ParamRecord? other) =>
        other is not null && HashAlgorithm == other.HashAlgorithm && Flags == other.Flags &&
        Iterations == other.Iterations && Salt.AsSpan().SequenceEqual(other.Salt);

    public override int GetHashCode() => HashCode.Combine(HashAlgorithm, Flags, Iterations, Salt.Length);

    public override string ToString() =>
        $"{HashAlgorithm} {Flags} {Iterations} {(Salt.Length == 0 ? "-" : Convert.ToHexString(Salt))}";
}
