using SmtpDane.Dns;

namespace SmtpDane.Dane;

/// <summary>The TLSA RRset split into records used for matching and records set aside (with reasons).
/// <see cref="IsUnusable"/>: nothing is left to authenticate with — RFC 7672 §2.2: TLS stays mandatory but the
/// server cannot be authenticated ("TLSA unusable").</summary>
public sealed record TlsaSelection(IReadOnlyList<TlsaRecord> Usable, IReadOnlyList<TlsaDrop> Dropped)
{
    public bool IsUnusable => Usable.Count == 0;

    /// <summary>How many records were dropped for <paramref name="reason"/> (for the report's counters).</summary>
    public int CountDropped(TlsaDropReason reason) => Dropped.Count(d => d.Reason == reason);
}
