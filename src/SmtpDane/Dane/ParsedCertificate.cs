using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace SmtpDane.Dane;

/// <summary>A certificate as received, plus the pieces DANE needs. The raw slices (<see cref="TbsDer"/>,
/// <see cref="SpkiDer"/>, <see cref="IssuerDer"/>, <see cref="SubjectDer"/>) are cut from the bytes exactly as
/// sent, never re-encoded: TLSA selector 0/1 data and signatures are over those bytes (a re-encoded certificate
/// can differ by a byte, see measured-facts.md). Bouncy Castle supplies the decoded view (names, extensions).</summary>
internal sealed class ParsedCertificate
{
    public required byte[] Der { get; init; }
    public required byte[] TbsDer { get; init; }
    public required byte[] SpkiDer { get; init; }
    public required byte[] IssuerDer { get; init; }
    public required byte[] SubjectDer { get; init; }
    public required byte[] SignatureValue { get; init; }
    public required X509CertificateStructure Structure { get; init; }
    public required DateTimeOffset NotBefore { get; init; }
    public required DateTimeOffset NotAfter { get; init; }
    /// <summary>Null when the certificate has no basicConstraints extension.</summary>
    public required BasicConstraints? BasicConstraints { get; init; }
    /// <summary>False only when a keyUsage extension is present without keyCertSign (RFC 5280 §4.2.1.3).</summary>
    public required bool MayCertify { get; init; }

    public AlgorithmIdentifier SignatureAlgorithm => Structure.SignatureAlgorithm;
    public int Version => Structure.Version;
    public X509Name Subject => Structure.Subject;
    public X509Name Issuer => Structure.Issuer;

    /// <summary>Subject and issuer are the same name (RFC 5280 §6.1 "self-issued").</summary>
    public bool IsSelfIssued => NamesEqual(IssuerDer, Issuer, SubjectDer, Subject);

    /// <summary>This certificate's issuer name is <paramref name="candidate"/>'s subject name (RFC 5280 §6.1.3(a)(4)).</summary>
    public bool IssuerNameIs(ParsedCertificate candidate) =>
        NamesEqual(IssuerDer, Issuer, candidate.SubjectDer, candidate.Subject);

    private static bool NamesEqual(byte[] aDer, X509Name a, byte[] bDer, X509Name b) =>
        aDer.AsSpan().SequenceEqual(bDer) || a.Equivalent(b, true);

    /// <summary>Parses DER (BER tolerated for the outer layers). Returns null for anything that is not a
    /// certificate — never throws on hostile input.</summary>
    public static ParsedCertificate? TryParse(byte[] der)
    {
        if (der is null || der.Length == 0) return null;
        if (Slice(der) is not { } raw) return null;
        try
        {
            var structure = X509CertificateStructure.GetInstance(Asn1Object.FromByteArray(der));
            BasicConstraints? bc = null;
            var exts = structure.TbsCertificate.Extensions;
            if (exts?.GetExtension(X509Extensions.BasicConstraints) is { } bcExt)
                bc = BasicConstraints.GetInstance(bcExt.GetParsedValue());
            var ku = exts is null ? null : KeyUsage.FromExtensions(exts);
            return new ParsedCertificate
            {
                MayCertify = ku is null || (ku.IntValue & KeyUsage.KeyCertSign) != 0,
                Der = der,
                TbsDer = raw.Tbs,
                SpkiDer = raw.Spki,
                IssuerDer = raw.Issuer,
                SubjectDer = raw.Subject,
                SignatureValue = raw.Signature,
                Structure = structure,
                NotBefore = ToUtc(structure.StartDate.ToDateTime()),
                NotAfter = ToUtc(structure.EndDate.ToDateTime()),
                BasicConstraints = bc,
            };
        }
        catch (Exception)
        {
            // Trust boundary: the bytes come from the network and Bouncy Castle reports malformed input with many
            // exception types (ArgumentException, IOException, InvalidCastException, ...). All mean "not a
            // certificate we can decode"; none may escape a pure decider.
            return null;
        }
    }

    /// <summary>The raw pieces of a certificate, cut without interpreting names or extensions.</summary>
    internal sealed record RawSlices(byte[] Tbs, byte[] Issuer, byte[] Subject, byte[] Spki, byte[] Signature);

    /// <summary>Cuts the certificate into its raw pieces with System.Formats.Asn1 (BER tolerated). This works for
    /// certificates Bouncy Castle refuses to decode (e.g. an empty issuer name, as in OpenSSL's DANE-EE tests),
    /// which is all DANE-EE(3) SPKI(1) needs (RFC 7672 §3.1.1: only the key matters).</summary>
    internal static RawSlices? Slice(byte[] der)
    {
        if (der is null || der.Length == 0) return null;
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.BER);
            var cert = outer.ReadSequence();
            if (outer.HasData) return null; // trailing garbage: not one certificate
            var tbs = cert.ReadEncodedValue().ToArray();
            cert.ReadEncodedValue(); // signatureAlgorithm (decoded by Bouncy Castle)
            var sig = cert.ReadBitString(out _);
            if (cert.HasData) return null;

            var t = new AsnReader(tbs, AsnEncodingRules.BER).ReadSequence();
            if (t.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0))) t.ReadEncodedValue(); // version
            t.ReadEncodedValue(); // serialNumber
            t.ReadEncodedValue(); // signature
            var issuer = t.ReadEncodedValue().ToArray();
            t.ReadEncodedValue(); // validity
            var subject = t.ReadEncodedValue().ToArray();
            var spki = t.ReadEncodedValue().ToArray();
            return new RawSlices(tbs, issuer, subject, spki, sig);
        }
        catch (Exception e) when (e is AsnContentException or ArgumentException)
        {
            return null;
        }
    }

    private static DateTimeOffset ToUtc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));

    /// <summary>SAN dNSName entries (RFC 5280 §4.2.1.6), as written in the certificate.</summary>
    public IReadOnlyList<string> DnsNames()
    {
        var result = new List<string>();
        try
        {
            var ext = Structure.TbsCertificate.Extensions?.GetExtension(X509Extensions.SubjectAlternativeName);
            if (ext is null) return result;
            foreach (var gn in GeneralNames.GetInstance(ext.GetParsedValue()).GetNames())
                if (gn.TagNo == GeneralName.DnsName && gn.Name is IAsn1String s)
                    result.Add(s.GetString());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or InvalidCastException)
        {
            // A malformed SAN presents no DNS identifiers; the name check then fails, which is the safe outcome.
        }
        return result;
    }

    /// <summary>Subject commonName values.</summary>
    public IReadOnlyList<string> CommonNames() => Subject.GetValueList(X509Name.CN).ToList();
}
