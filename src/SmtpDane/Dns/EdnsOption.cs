namespace SmtpDane.Dns;

/// <summary>One EDNS option (RFC 6891 §6.1.2): code and raw data.</summary>
public sealed record EdnsOption(ushort Code, byte[] Data)
{
    /// <summary>RFC 8914 §2: Extended DNS Error option code.</summary>
    public const ushort ExtendedDnsErrorCode = 15;

    public bool Equals(EdnsOption? other) => other is not null && Code == other.Code && Data.AsSpan().SequenceEqual(other.Data);
    public override int GetHashCode() => HashCode.Combine(Code, Data.Length);
}
