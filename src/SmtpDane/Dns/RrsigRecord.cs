namespace SmtpDane.Dns;

/// <summary>RRSIG RDATA (RFC 4034 §3.1). Inception and Expiration are the raw 32-bit serial times; use
/// <see cref="SerialTime.Resolve"/> with the injected clock to get instants (RFC 4034 §3.1.5).</summary>
public sealed record RrsigRecord(RecordType TypeCovered, byte Algorithm, byte Labels, uint OriginalTtl,
    uint Expiration, uint Inception, ushort KeyTag, DnsName SignerName, byte[] Signature) : IRData
{
    /// <summary>Expiration as an instant, resolved by serial arithmetic around <paramref name="now"/>.</summary>
    public DateTimeOffset ExpirationAt(DateTimeOffset now) => SerialTime.Resolve(Expiration, now);

    /// <summary>Inception as an instant, resolved by serial arithmetic around <paramref name="now"/>.</summary>
    public DateTimeOffset InceptionAt(DateTimeOffset now) => SerialTime.Resolve(Inception, now);

    public bool Equals(RrsigRecord? other) =>
        other is not null && TypeCovered == other.TypeCovered && Algorithm == other.Algorithm &&
        Labels == other.Labels && OriginalTtl == other.OriginalTtl && Expiration == other.Expiration &&
        Inception == other.Inception && KeyTag == other.KeyTag && SignerName == other.SignerName &&
        Signature.AsSpan().SequenceEqual(other.Signature);

    public override int GetHashCode() => HashCode.Combine(TypeCovered, Algorithm, KeyTag, Expiration, Signature.Length);

    /// <summary>RFC 4034 §3.2: times as YYYYMMDDHHmmSS, signature in base64.</summary>
    public override string ToString() =>
        $"{TypeCovered.ToText()} {Algorithm} {Labels} {OriginalTtl} {SerialTime.ToText(Expiration)} " +
        $"{SerialTime.ToText(Inception)} {KeyTag} {SignerName} {Convert.ToBase64String(Signature)}";
}
