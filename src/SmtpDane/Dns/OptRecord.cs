namespace SmtpDane.Dns;

/// <summary>OPT pseudo-RR RDATA (RFC 6891 §6.1.2): a list of options. The header-like fields of OPT (payload size,
/// extended RCODE, version, DO) live in the owner's CLASS and TTL; see <see cref="Wire.EdnsInfo"/>.</summary>
public sealed record OptRecord(IReadOnlyList<EdnsOption> Options) : IRData
{
    public bool Equals(OptRecord? other) => other is not null && Options.SequenceEqual(other.Options);
    public override int GetHashCode() => Options.Count;
    public override string ToString() => string.Join(" ", Options.Select(o => $"{o.Code}:{Convert.ToHexString(o.Data)}"));
}
