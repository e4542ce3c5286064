using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using SmtpDane.Dns;

namespace SmtpDane.Dane;

/// <summary>What an operator needs to know about one certificate (-show-cert-info): names, dates, key, digests,
/// and the TLSA records that would match it at its depth — "3 1 1"/"3 0 1" for the leaf, "2 1 1"/"2 0 1" for an
/// issuer (RFC 7671 §5.1/§5.2; RFC 7672 §3.1 recommends "3 1 1", then "2 0 1") — which is what one publishes
/// before rolling a key. Hex is upper-case (RFC 6698 §2.2 presentation form).</summary>
public sealed record CertificateSummary(
    CertificateSummaryStatus Status,
    int Depth,
    string? Subject,
    string? Issuer,
    string? SerialHex,
    IReadOnlyList<string> DnsNames,
    DateTimeOffset? NotBefore,
    DateTimeOffset? NotAfter,
    string? KeyAlgorithm,
    int? KeyBits,
    string? Curve,
    string? SpkiSha256Hex,
    string CertificateSha256Hex,
    IReadOnlyList<TlsaRecord> MatchingTlsa)
{
    /// <summary>Human form of the key: "RSA 2048", "EC P-256", "Ed25519".</summary>
    public string KeyDescription => KeyAlgorithm switch
    {
        null => "unknown key",
        "EC" => $"EC {Curve ?? "?"}",
        "RSA" or "RSA-PSS" => $"{KeyAlgorithm} {KeyBits}",
        _ => KeyAlgorithm,
    };

    /// <summary>Summarises one certificate; <paramref name="depth"/> 0 is the leaf (selects 3/2 usages). Never
    /// throws on bad input: an undecodable certificate gives <see cref="CertificateSummaryStatus.Unparseable"/>.</summary>
    public static CertificateSummary FromDer(byte[] der, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(der);
        var certHash = SHA256.HashData(der);
        var spki = ParsedCertificate.Slice(der)?.Spki;
        var spkiHash = spki is null ? null : SHA256.HashData(spki);
        var usage = depth == 0 ? TlsaFields.DaneEe : TlsaFields.DaneTa;
        var tlsa = new List<TlsaRecord>();
        if (spkiHash is not null) tlsa.Add(new TlsaRecord(usage, TlsaFields.SelectorSpki, TlsaFields.MatchSha256, spkiHash));
        tlsa.Add(new TlsaRecord(usage, TlsaFields.SelectorCert, TlsaFields.MatchSha256, certHash));

        var parsed = ParsedCertificate.TryParse(der);
        if (parsed is null)
            return new CertificateSummary(CertificateSummaryStatus.Unparseable, depth, null, null, null, [], null, null,
                null, null, null, Hex(spkiHash), Hex(certHash)!, tlsa);

        var (alg, bits, curve) = DescribeKey(parsed.Structure.SubjectPublicKeyInfo);
        var sans = parsed.DnsNames();
        return new CertificateSummary(CertificateSummaryStatus.Parsed, depth,
            parsed.Subject.ToString(), parsed.Issuer.ToString(),
            Convert.ToHexString(parsed.Structure.SerialNumber.Value.ToByteArrayUnsigned()),
            sans, parsed.NotBefore, parsed.NotAfter, alg, bits, curve, Hex(spkiHash), Hex(certHash)!, tlsa);
    }

    /// <summary>Summaries of a served chain, depth = position as sent.</summary>
    public static IReadOnlyList<CertificateSummary> FromChain(IReadOnlyList<byte[]> chainDer) =>
        chainDer.Select((der, i) => FromDer(der, i)).ToList();

    private static string? Hex(byte[]? b) => b is null ? null : Convert.ToHexString(b);

    private static (string? Algorithm, int? Bits, string? Curve) DescribeKey(SubjectPublicKeyInfo spki)
    {
        try
        {
            var oid = spki.Algorithm.Algorithm.Id;
            switch (oid)
            {
                case "1.2.840.113549.1.1.1":
                case "1.2.840.113549.1.1.10":
                    var rsa = RsaPublicKeyStructure.GetInstance(spki.ParsePublicKey());
                    return (oid.EndsWith(".10", StringComparison.Ordinal) ? "RSA-PSS" : "RSA", rsa.Modulus.BitLength, null);
                case "1.2.840.10045.2.1":
                    var curveOid = spki.Algorithm.Parameters is DerObjectIdentifier c ? c.Id : null;
                    var (name, bits) = curveOid switch
                    {
                        "1.2.840.10045.3.1.7" => ("P-256", 256),
                        "1.3.132.0.34" => ("P-384", 384),
                        "1.3.132.0.35" => ("P-521", 521),
                        "1.3.36.3.3.2.8.1.1.7" => ("brainpoolP256r1", 256),
                        _ => (curveOid ?? "explicit parameters", 0),
                    };
                    return ("EC", bits == 0 ? null : bits, name);
                case "1.3.101.112": return ("Ed25519", 256, null);
                case "1.3.101.113": return ("Ed448", 456, null);
                default: return (oid, null, null);
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or InvalidCastException)
        {
            return (spki.Algorithm.Algorithm.Id, null, null);
        }
    }
}
