namespace SmtpDane.Dane;

/// <summary>TLSA field values (RFC 6698 §2.1.1–2.1.3, mnemonics from RFC 7218 §2.1). Plain constants because the
/// wire carries bytes and any byte may arrive; whether a value is acceptable is decided by <see cref="TlsaSelector"/>.</summary>
internal static class TlsaFields
{
    public const byte PkixTa = 0;
    public const byte PkixEe = 1;
    public const byte DaneTa = 2;
    public const byte DaneEe = 3;

    public const byte SelectorCert = 0;
    public const byte SelectorSpki = 1;

    public const byte MatchFull = 0;
    public const byte MatchSha256 = 1;
    public const byte MatchSha512 = 2;

    public const int Sha256Length = 32;
    public const int Sha512Length = 64;
}
