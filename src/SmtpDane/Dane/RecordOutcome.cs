using SmtpDane.Dns;

namespace SmtpDane.Dane;

/// <summary>One usable record's result. <see cref="Depth"/> (OpenSSL's convention: 0 = leaf, counting up the
/// built path) is set when it matched.</summary>
public sealed record RecordOutcome(TlsaRecord Record, RecordResult Result, int? Depth);
