namespace SmtpDane.Dns;

/// <summary>NSEC3 RDATA (RFC 5155 §3.2). NextHashedOwner is the raw hash (shown in base32hex).</summary>
public sealed record Nsec3Record(byte HashAlgorithm, byte Flags, ushort Iterations, byte[] Salt,
    byte[] NextHashedOwner, TypeBitmap Types) : IRData
{
    /// <summary>RFC 5155 §3.1.2.1: Opt-Out flag (bit 7 of the flags field, value 1).</summary>
    public bool OptOut => (Flags & 0x01) != 0;

    public bool Equals(Nsec3Record? other) =>
        other is not null && HashAlgorithm == other.HashAlgorithm && Flags == other.Flags &&
        Iterations == other.Iterations && Salt.AsSpan().SequenceEqual(other.Salt) &&
        NextHashedOwner.AsSpan().SequenceEqual(other.NextHashedOwner) && Types.Equals(other.Types);

    public override int GetHashCode() => HashCode.Combine(HashAlgorithm, Flags, Iterations, NextHashedOwner.Length);

    /// <summary>RFC 5155 §3.3: salt in hex ("-" when empty), next hashed owner in base32hex without padding.</summary>
    public override string ToString()
    {
        var head = $"{HashAlgorithm} {Flags} {Iterations} {(Salt.Length == 0 ? "-" : Convert.ToHexString(Salt))} " +
                   Base32Hex.Encode(NextHashedOwner);
        return Types.Types.Count == 0 ? head : $"{head} {Types}";
    }
}
