namespace SmtpDane.Dns;

/// <summary>TLSA RDATA (RFC 6698 §2.1): certificate usage, selector, matching type, association data.
/// Kept exactly as received; whether a record is usable under RFC 7672 is decided in Dane/, not here.</summary>
public sealed record TlsaRecord(byte Usage, byte Selector, byte MatchingType, byte[] Data) : IRData
{
    /// <summary>Presentation form, RFC 6698 §2.2: "3 1 1 ABCD…" (hex upper-case).</summary>
    public override string ToString() => $"{Usage} {Selector} {MatchingType} {Convert.ToHexString(Data)}";

    public bool Equals(TlsaRecord? other) =>
        other is not null && Usage == other.Usage && Selector == other.Selector &&
        MatchingType == other.MatchingType && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(Usage, Selector, MatchingType, Data.Length);
}
