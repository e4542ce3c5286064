using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Asn1.X509;

namespace SmtpDane.Dane;

/// <summary>Validates a stapled OCSP response for the leaf of the served chain (RFC 6960 §3.2). Pure: the clock is
/// a parameter; every malformed input comes back as <see cref="OcspStatus.Invalid"/> with a reason.</summary>
public static class OcspValidator
{
    /// <summary>Clock skew tolerated on thisUpdate/nextUpdate: responders and probes disagree by seconds to minutes;
    /// 5 minutes is OpenSSL's default for OCSP_check_validity in s_client/ocsp (MAX_VALIDITY_PERIOD).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const string OcspSigningEku = "1.3.6.1.5.5.7.3.9"; // id-kp-OCSPSigning, RFC 6960 §4.2.2.2
    private const int StatusSuccessful = 0, StatusTryLater = 3; // OCSPResponseStatus, RFC 6960 §4.2.1

    public static OcspResult Validate(byte[]? staple, IReadOnlyList<byte[]> chainDer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chainDer);
        if (staple is null || staple.Length == 0) return new OcspResult(OcspStatus.Missing);
        try
        {
            return ValidateCore(staple, chainDer, now);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Trust boundary: the staple comes from the network; Bouncy Castle signals malformed ASN.1 with many
            // exception types. All of them mean the response cannot be decoded.
            return Invalid(OcspInvalidReason.Malformed);
        }
    }

    private static OcspResult Invalid(OcspInvalidReason reason, int? code = null) => new(OcspStatus.Invalid, reason, code);

    private static OcspResult ValidateCore(byte[] staple, IReadOnlyList<byte[]> chainDer, DateTimeOffset now)
    {
        var response = OcspResponse.GetInstance(Asn1Object.FromByteArray(staple));
        var status = response.ResponseStatus.IntValueExact;
        if (status == StatusTryLater) return new OcspResult(OcspStatus.TryLater, ResponderStatusCode: status);
        if (status != StatusSuccessful) return Invalid(OcspInvalidReason.ResponderError, status);
        var bytes = response.ResponseBytes;
        if (bytes is null) return Invalid(OcspInvalidReason.Malformed);
        if (!bytes.ResponseType.Equals(OcspObjectIdentifiers.PkixOcspBasic)) return Invalid(OcspInvalidReason.UnsupportedResponseType);

        var basicDer = bytes.Response.GetOctets();
        var (tbsRaw, signature, includedCerts) = SliceBasic(basicDer);
        var basic = BasicOcspResponse.GetInstance(Asn1Object.FromByteArray(basicDer));
        var data = basic.TbsResponseData;

        if (chainDer.Count == 0 || ParsedCertificate.TryParse(chainDer[0]) is not { } leaf) return Invalid(OcspInvalidReason.LeafUnavailable);
        using var signatures = new SignatureCache();
        var issuer = chainDer.Skip(1).Select(ParsedCertificate.TryParse)
            .FirstOrDefault(c => c is not null && leaf.IssuerNameIs(c) && signatures.SignedBy(leaf, c) == SignatureCheck.Valid);
        if (issuer is null) return Invalid(OcspInvalidReason.IssuerUnavailable);

        // RFC 6960 §4.1.1 CertID: hash of the issuer name as it appears in the leaf, hash of the issuer's
        // subjectPublicKey BIT STRING value, and the leaf's serial number.
        var issuerKey = SubjectPublicKeyBits(issuer.SpkiDer);
        SingleResponse? single = null;
        foreach (var item in data.Responses)
        {
            var s = SingleResponse.GetInstance(item);
            var id = s.CertId;
            if (Hash(id.HashAlgorithm.Algorithm.Id, leaf.IssuerDer) is not { } nameHash) continue;
            if (!nameHash.AsSpan().SequenceEqual(id.IssuerNameHash.GetOctets())) continue;
            if (!Hash(id.HashAlgorithm.Algorithm.Id, issuerKey)!.AsSpan().SequenceEqual(id.IssuerKeyHash.GetOctets())) continue;
            if (!id.SerialNumber.Value.Equals(leaf.Structure.SerialNumber.Value)) continue;
            single = s;
            break;
        }
        if (single is null) return Invalid(OcspInvalidReason.NoResponseForCertificate);

        // RFC 6960 §4.2.2.2: the response is signed by the issuing CA itself, or by a responder certificate the CA
        // issued with id-kp-OCSPSigning, included in the response.
        byte[] signerSpki;
        OcspResponderKind kind;
        if (ResponderIs(data.ResponderID, issuer))
        {
            signerSpki = issuer.SpkiDer;
            kind = OcspResponderKind.Issuer;
        }
        else
        {
            var included = includedCerts
                .Select(ParsedCertificate.TryParse)
                .Where(c => c is not null && ResponderIs(data.ResponderID, c))
                .ToList();
            if (included.Count == 0) return Invalid(OcspInvalidReason.ResponderNotFound);
            var responder = included[0]!;
            if (!responder.IssuerNameIs(issuer) || signatures.SignedBy(responder, issuer) != SignatureCheck.Valid)
                return Invalid(OcspInvalidReason.ResponderNotAuthorized);
            var eku = ExtendedKeyUsage.FromExtensions(responder.Structure.TbsCertificate.Extensions);
            if (eku is null || !eku.GetAllUsages().Any(u => u.Id == OcspSigningEku))
                return Invalid(OcspInvalidReason.ResponderNotAuthorized);
            if (CertificateDates.Check(responder, now, TimeSpan.Zero) != DateStatus.Valid)
                return Invalid(OcspInvalidReason.ResponderCertificateExpired);
            signerSpki = responder.SpkiDer;
            kind = OcspResponderKind.Delegated;
        }

        switch (SignatureVerifier.Verify(basic.SignatureAlgorithm, tbsRaw, signature, signerSpki))
        {
            case SignatureCheck.Valid: break;
            case SignatureCheck.Invalid: return Invalid(OcspInvalidReason.SignatureInvalid);
            default: return Invalid(OcspInvalidReason.UnsupportedSignatureAlgorithm);
        }

        // RFC 6960 §3.2 items 5–6 and §4.2.2.1: thisUpdate not in the future, nextUpdate (when set) not past.
        var thisUpdate = Utc(single.ThisUpdate.ToDateTime());
        DateTimeOffset? nextUpdate = single.NextUpdate is { } nu ? Utc(nu.ToDateTime()) : null;
        if (thisUpdate > now + ClockSkew) return Invalid(OcspInvalidReason.NotYetValid);
        if (nextUpdate is { } next && next < now - ClockSkew) return Invalid(OcspInvalidReason.Expired);

        var certStatus = single.CertStatus;
        return certStatus.TagNo switch
        {
            0 => new OcspResult(OcspStatus.Good, Responder: kind, ThisUpdate: thisUpdate, NextUpdate: nextUpdate),
            1 => Revoked(RevokedInfo.GetInstance(certStatus.Status), kind, thisUpdate, nextUpdate),
            _ => new OcspResult(OcspStatus.Unknown, Responder: kind, ThisUpdate: thisUpdate, NextUpdate: nextUpdate),
        };
    }

    private static OcspResult Revoked(RevokedInfo info, OcspResponderKind kind, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate) =>
        new(OcspStatus.Revoked, Responder: kind, ThisUpdate: thisUpdate, NextUpdate: nextUpdate,
            RevocationTime: Utc(info.RevocationTime.ToDateTime()),
            RevocationReason: info.RevocationReason?.IntValueExact);

    /// <summary>ResponderID (RFC 6960 §4.2.1): byName = the responder's subject; byKey = SHA-1 of its
    /// subjectPublicKey BIT STRING value.</summary>
    private static bool ResponderIs(ResponderID id, ParsedCertificate? cert)
    {
        if (cert is null) return false;
        if (id.Name is { } name) return name.Equivalent(cert.Subject, true);
        return id.GetKeyHash() is { } hash && hash.AsSpan().SequenceEqual(SHA1.HashData(SubjectPublicKeyBits(cert.SpkiDer)));
    }

    /// <summary>CertID hash algorithms (RFC 6960 §4.1.1; SHA-1 is the common choice and is fine for an
    /// identifier — it is not a signature). Null for an algorithm we do not know.</summary>
    private static byte[]? Hash(string oid, byte[] data) => oid switch
    {
        "1.3.14.3.2.26" => SHA1.HashData(data),
        "2.16.840.1.101.3.4.2.1" => SHA256.HashData(data),
        "2.16.840.1.101.3.4.2.2" => SHA384.HashData(data),
        "2.16.840.1.101.3.4.2.3" => SHA512.HashData(data),
        _ => null,
    };

    private static byte[] SubjectPublicKeyBits(byte[] spkiDer)
    {
        var seq = new AsnReader(spkiDer, AsnEncodingRules.BER).ReadSequence();
        seq.ReadEncodedValue();
        return seq.ReadBitString(out _);
    }

    /// <summary>BasicOCSPResponse (RFC 6960 §4.2.1) cut into the signed bytes (tbsResponseData exactly as
    /// received), the signature value, and the included certificates exactly as received (signatures over them
    /// must be checked on the original bytes, not a re-encoding).</summary>
    private static (byte[] Tbs, byte[] Signature, List<byte[]> Certs) SliceBasic(byte[] basicDer)
    {
        var seq = new AsnReader(basicDer, AsnEncodingRules.BER).ReadSequence();
        var tbs = seq.ReadEncodedValue().ToArray();
        seq.ReadEncodedValue();
        var signature = seq.ReadBitString(out _);
        var certs = new List<byte[]>();
        if (seq.HasData)
        {
            var list = seq.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)).ReadSequence();
            while (list.HasData) certs.Add(list.ReadEncodedValue().ToArray());
        }
        return (tbs, signature, certs);
    }

    private static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));
}
