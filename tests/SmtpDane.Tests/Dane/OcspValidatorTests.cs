using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Ocsp;
using SmtpDane.Dane;
using SmtpDane.Probe;
using static SmtpDane.Tests.Dane.TestPki;

namespace SmtpDane.Tests.Dane;

public class OcspValidatorTests
{
    private sealed record Pki(TestCert Ca, TestCert Leaf)
    {
        public IReadOnlyList<byte[]> Chain => [Leaf.Der, Ca.Der];
    }

    private static Pki NewPki(TestKey? caKey = null)
    {
        var ca = Root("OCSP Test CA", caKey);
        return new Pki(ca, Leaf(ca));
    }

    private sealed class Staple
    {
        public TestCert? SignerCert { get; init; }           // null: the CA signs
        public TestKey? SignWith { get; init; }               // override the signing key
        public bool ByKey { get; init; }
        public CertificateStatus? Status { get; init; } = CertificateStatus.Good;
        public DateTime ThisUpdate { get; init; } = Now.AddHours(-1);
        public DateTime? NextUpdate { get; init; } = Now.AddDays(3);
        public long? Serial { get; init; }
        public string HashAlg { get; init; } = "1.3.14.3.2.26"; // SHA-1, the usual CertID hash
        public bool IncludeSigner { get; init; } = true;
    }

    private static byte[] BuildStaple(Pki pki, Staple s)
    {
        var signer = s.SignerCert ?? pki.Ca;
        var rid = s.ByKey ? new RespID(signer.Key.Pair.Public) : new RespID(signer.Subject);
        var gen = new BasicOcspRespGenerator(rid);
        var serial = s.Serial is { } n ? Org.BouncyCastle.Math.BigInteger.ValueOf(n) : pki.Leaf.Bc.SerialNumber;
        var id = new CertificateID(new AlgorithmIdentifier(new Org.BouncyCastle.Asn1.DerObjectIdentifier(s.HashAlg), Org.BouncyCastle.Asn1.DerNull.Instance), pki.Ca.Bc, serial);
        gen.AddResponse(id, s.Status, s.ThisUpdate, s.NextUpdate, null);
        var key = s.SignWith ?? signer.Key;
        var basic = gen.Generate(new Asn1SignatureFactory(key.SignatureAlgorithm, key.Pair.Private),
            s.SignerCert is not null && s.IncludeSigner ? [s.SignerCert.Bc] : null, Now.AddMinutes(-50));
        return new OCSPRespGenerator().Generate(OCSPRespGenerator.Successful, basic).GetEncoded();
    }

    private static OcspResult Validate(Pki pki, Staple s) => OcspValidator.Validate(BuildStaple(pki, s), pki.Chain, NowOffset);

    [Fact]
    public void Good_response_signed_by_the_issuer()
    {
        var pki = NewPki();
        var r = Validate(pki, new Staple());
        Assert.Equal(OcspStatus.Good, r.Status);
        Assert.Equal(OcspResponderKind.Issuer, r.Responder);
        Assert.Equal(new DateTimeOffset(Now.AddHours(-1)), r.ThisUpdate);
        Assert.Equal(new DateTimeOffset(Now.AddDays(3)), r.NextUpdate);
        Assert.Null(r.ToFinding(expectOcsp: true));
    }

    [Fact]
    public void Good_response_from_an_rsa_issuer_named_by_key_hash_with_a_sha256_certid()
    {
        var pki = NewPki(Rsa(0));
        var r = Validate(pki, new Staple { ByKey = true, HashAlg = "2.16.840.1.101.3.4.2.1" });
        Assert.Equal(OcspStatus.Good, r.Status);
    }

    [Fact]
    public void Revoked_carries_time_and_reason_and_is_always_an_error()
    {
        var pki = NewPki();
        var when = Now.AddDays(-2);
        var r = Validate(pki, new Staple { Status = new RevokedStatus(when, CrlReason.KeyCompromise) });
        Assert.Equal(OcspStatus.Revoked, r.Status);
        Assert.Equal(new DateTimeOffset(when), r.RevocationTime);
        Assert.Equal(CrlReason.KeyCompromise, r.RevocationReason);
        var f = r.ToFinding(expectOcsp: false)!;
        Assert.Equal((StatusToken.OcspRevoked, Severity.Error), (f.Token, f.Severity));
    }

    [Fact]
    public void Unknown_status()
    {
        var pki = NewPki();
        var r = Validate(pki, new Staple { Status = new UnknownStatus() });
        Assert.Equal(OcspStatus.Unknown, r.Status);
        Assert.Equal(Severity.Error, r.ToFinding(true)!.Severity);
        Assert.Equal(Severity.Warning, r.ToFinding(false)!.Severity);
    }

    [Fact]
    public void TryLater_is_a_warning_even_when_ocsp_is_expected()
    {
        var staple = new OCSPRespGenerator().Generate(OCSPRespGenerator.TryLater, null).GetEncoded();
        var r = OcspValidator.Validate(staple, NewPki().Chain, NowOffset);
        Assert.Equal(OcspStatus.TryLater, r.Status);
        var f = r.ToFinding(expectOcsp: true)!;
        Assert.Equal((StatusToken.OcspTryLater, Severity.Warning), (f.Token, f.Severity));
    }

    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(5)] [InlineData(6)]
    public void Other_response_statuses_are_responder_errors(int status)
    {
        var staple = new OCSPRespGenerator().Generate(status, null).GetEncoded();
        var r = OcspValidator.Validate(staple, NewPki().Chain, NowOffset);
        Assert.Equal((OcspStatus.Invalid, OcspInvalidReason.ResponderError, status), (r.Status, r.InvalidReason!.Value, r.ResponderStatusCode!.Value));
    }

    [Fact]
    public void A_missing_staple_is_an_error_only_when_expected()
    {
        Assert.Equal(OcspStatus.Missing, OcspValidator.Validate(null, NewPki().Chain, NowOffset).Status);
        var r = OcspValidator.Validate([], NewPki().Chain, NowOffset);
        Assert.Equal(OcspStatus.Missing, r.Status);
        Assert.Null(r.ToFinding(expectOcsp: false));
        var f = r.ToFinding(expectOcsp: true)!;
        Assert.Equal((StatusToken.OcspMissing, Severity.Error), (f.Token, f.Severity));
    }

    public static TheoryData<string, byte[]> Garbage => new()
    {
        { "random bytes", [1, 2, 3, 4, 5] },
        { "an empty SEQUENCE", [0x30, 0x00] },
        { "a truncated SEQUENCE", [0x30, 0x10, 0x0A, 0x01] },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_is_malformed_not_an_exception(string description, byte[] staple)
    {
        var r = OcspValidator.Validate(staple, NewPki().Chain, NowOffset);
        Assert.True(r is { Status: OcspStatus.Invalid, InvalidReason: OcspInvalidReason.Malformed }, description);
    }

    [Fact]
    public void A_truncated_real_response_is_malformed()
    {
        var pki = NewPki();
        var good = BuildStaple(pki, new Staple());
        var r = OcspValidator.Validate(good[..(good.Length / 2)], pki.Chain, NowOffset);
        Assert.Equal((OcspStatus.Invalid, OcspInvalidReason.Malformed), (r.Status, r.InvalidReason!.Value));
    }

    public static TheoryData<string, int, int?, OcspStatus, OcspInvalidReason?> Times => new()
    {
        // description, thisUpdate offset minutes, nextUpdate offset minutes, expected
        { "current", -60, 60 * 24, OcspStatus.Good, null },
        { "no nextUpdate", -60, null, OcspStatus.Good, null },
        { "nextUpdate passed", -60 * 48, -60, OcspStatus.Invalid, OcspInvalidReason.Expired },
        { "nextUpdate passed within the skew", -60 * 48, -2, OcspStatus.Good, null },
        { "thisUpdate in the future", 60, 60 * 24, OcspStatus.Invalid, OcspInvalidReason.NotYetValid },
        { "thisUpdate slightly ahead, within the skew", 2, 60 * 24, OcspStatus.Good, null },
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void Validity_window_of_the_response(string description, int thisMin, int? nextMin, OcspStatus status, OcspInvalidReason? reason)
    {
        var pki = NewPki();
        var r = Validate(pki, new Staple
        {
            ThisUpdate = Now.AddMinutes(thisMin),
            NextUpdate = nextMin is { } n ? Now.AddMinutes(n) : null,
        });
        Assert.True((status, reason) == (r.Status, r.InvalidReason), $"{description}: got {r.Status} {r.InvalidReason}");
    }

    [Fact]
    public void Signed_by_the_wrong_key_is_an_invalid_signature()
    {
        var pki = NewPki();
        var r = Validate(pki, new Staple { SignWith = Ec() });
        Assert.Equal((OcspStatus.Invalid, OcspInvalidReason.SignatureInvalid), (r.Status, r.InvalidReason!.Value));
    }

    [Fact]
    public void Wrong_serial_has_no_response_for_the_certificate()
    {
        var pki = NewPki();
        var r = Validate(pki, new Staple { Serial = 424242 });
        Assert.Equal((OcspStatus.Invalid, OcspInvalidReason.NoResponseForCertificate), (r.Status, r.InvalidReason!.Value));
    }

    [Fact]
    public void Issuer_missing_from_the_chain()
    {
        var pki = NewPki();
        var r = OcspValidator.Validate(BuildStaple(pki, new Staple()), [pki.Leaf.Der], NowOffset);
        Assert.Equal((OcspStatus.Invalid, OcspInvalidReason.IssuerUnavailable), (r.Status, r.InvalidReason!.Value));
    }

    private static TestCert Responder(TestCert issuer, bool eku, DateTime? notAfter = null) => Make(new Spec
    {
        Cn = "OCSP Responder", Issuer = issuer, Ca = false, NotAfter = notAfter ?? Now.AddDays(30),
        Eku = eku ? [KeyPurposeID.id_kp_OCSPSigning] : [KeyPurposeID.id_kp_serverAuth],
    });

    public static TheoryData<string, string, OcspStatus, OcspInvalidReason?> Delegation => new()
    {
        { "delegated responder with id-kp-OCSPSigning", "ok", OcspStatus.Good, null },
        { "delegated responder named by key hash", "bykey", OcspStatus.Good, null },
        { "delegated responder without id-kp-OCSPSigning", "noeku", OcspStatus.Invalid, OcspInvalidReason.ResponderNotAuthorized },
        { "responder certified by another CA", "otherca", OcspStatus.Invalid, OcspInvalidReason.ResponderNotAuthorized },
        { "responder certificate expired", "expired", OcspStatus.Invalid, OcspInvalidReason.ResponderCertificateExpired },
        { "responder certificate not included", "absent", OcspStatus.Invalid, OcspInvalidReason.ResponderNotFound },
    };

    [Theory]
    [MemberData(nameof(Delegation))]
    public void Delegated_responders_rfc6960_4_2_2_2(string description, string kind, OcspStatus status, OcspInvalidReason? reason)
    {
        var pki = NewPki();
        var responder = kind switch
        {
            "noeku" => Responder(pki.Ca, eku: false),
            "otherca" => Responder(Root("Other CA"), eku: true),
            "expired" => Make(new Spec { Cn = "OCSP Responder", Issuer = pki.Ca, Ca = false, NotBefore = Now.AddDays(-30), NotAfter = Now.AddDays(-1), Eku = [KeyPurposeID.id_kp_OCSPSigning] }),
            _ => Responder(pki.Ca, eku: true),
        };
        var r = Validate(pki, new Staple { SignerCert = responder, ByKey = kind == "bykey", IncludeSigner = kind != "absent" });
        Assert.True((status, reason) == (r.Status, r.InvalidReason), $"{description}: got {r.Status} {r.InvalidReason}");
        if (status == OcspStatus.Good) Assert.Equal(OcspResponderKind.Delegated, r.Responder);
    }
}
