namespace SmtpDane.Dns;

/// <summary>DS RDATA (RFC 4034 §5.1): key tag, algorithm and digest of a child DNSKEY.</summary>
public sealed record DsRecord(ushort KeyTag, byte Algorithm, byte DigestType, byte[] Digest) : IRData
{
    public bool Equals(DsRecord? other) =>
        other is not null && KeyTag == other.KeyTag && Algorithm == other.Algorithm &&
        DigestType == other.DigestType && Digest.AsSpan().SequenceEqual(other.Digest);

    public override int GetHashCode() => HashCode.Combine(KeyTag, Algorithm, DigestType, Digest.Length);

    /// <summary>RFC 4034 §5.3: digest in hexadecimal.</summary>
    public override string ToString() => $"{KeyTag} {Algorithm} {DigestType} {Convert.ToHexString(Digest)}";
}
