using System.Security.Cryptography;
using SmtpDane.Dns;

namespace SmtpDane.Dane;

/// <summary>Certificate association data (RFC 6698 §2.1.2–2.1.3): the selected bytes, hashed per matching type.</summary>
internal static class TlsaAssociation
{
    /// <summary>Bytes selected by <paramref name="selector"/>: the certificate DER as received (Cert(0)) or its
    /// SubjectPublicKeyInfo DER (SPKI(1)).</summary>
    public static byte[] Select(ParsedCertificate cert, byte selector) =>
        selector == TlsaFields.SelectorCert ? cert.Der : cert.SpkiDer;

    /// <summary>Association data of <paramref name="selected"/> under <paramref name="matchingType"/>.</summary>
    public static byte[] Compute(byte[] selected, byte matchingType) => matchingType switch
    {
        TlsaFields.MatchFull => selected,
        TlsaFields.MatchSha256 => SHA256.HashData(selected),
        TlsaFields.MatchSha512 => SHA512.HashData(selected),
        _ => throw new ArgumentOutOfRangeException(nameof(matchingType)), // TlsaSelector drops these first
    };

    /// <summary>Does <paramref name="record"/> match the bytes <paramref name="selected"/> by its selector?
    /// Constant-time compare is not needed (public data) but costs nothing.</summary>
    public static bool Matches(TlsaRecord record, byte[] selected) =>
        CryptographicOperations.FixedTimeEquals(Compute(selected, record.MatchingType), record.Data);

    public static bool Matches(TlsaRecord record, ParsedCertificate cert) => Matches(record, Select(cert, record.Selector));
}
