namespace SmtpDane.Dns;

/// <summary>TXT RDATA (RFC 1035 §3.3.14): one or more character-strings, each at most 255 octets.</summary>
public sealed record TxtRecord(IReadOnlyList<byte[]> Strings) : IRData
{
    public bool Equals(TxtRecord? other) =>
        other is not null && Strings.Count == other.Strings.Count &&
        Strings.Zip(other.Strings).All(p => p.First.AsSpan().SequenceEqual(p.Second));

    public override int GetHashCode() => Strings.Count;

    public override string ToString() => string.Join(" ", Strings.Select(CharacterString.ToText));
}
