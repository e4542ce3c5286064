using SmtpDane.Dns;

namespace SmtpDane.Dane;

/// <summary>One record that <see cref="TlsaSelector"/> set aside, and why.</summary>
public sealed record TlsaDrop(TlsaRecord Record, TlsaDropReason Reason);
