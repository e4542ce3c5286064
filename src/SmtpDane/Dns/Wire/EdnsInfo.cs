namespace SmtpDane.Dns.Wire;

/// <summary>The OPT pseudo-RR of a message (RFC 6891 §6.1.3): requestor's UDP payload size (CLASS), version,
/// DO bit (RFC 3225 §3) and the other flag bits, and options. The extended RCODE bits are folded into
/// <see cref="DnsMessage.Rcode"/>.</summary>
public sealed record EdnsInfo(ushort UdpPayloadSize, byte Version, bool DnssecOk, IReadOnlyList<EdnsOption> Options,
    ushort OtherFlags = 0)
{
    /// <summary>RFC 8914 Extended DNS Errors carried in the options (malformed ones skipped).</summary>
    public IReadOnlyList<ExtendedDnsError> ExtendedErrors =>
        Options.Where(o => o.Code == EdnsOption.ExtendedDnsErrorCode)
            .Select(o => ExtendedDnsError.TryParse(o.Data)).OfType<ExtendedDnsError>().ToList();

    public bool Equals(EdnsInfo? other) =>
        other is not null && UdpPayloadSize == other.UdpPayloadSize && Version == other.Version &&
        DnssecOk == other.DnssecOk && OtherFlags == other.OtherFlags && Options.SequenceEqual(other.Options);

    public override int GetHashCode() => HashCode.Combine(UdpPayloadSize, Version, DnssecOk, Options.Count);
}
