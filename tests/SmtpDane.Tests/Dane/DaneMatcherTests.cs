using SmtpDane.Dane;
using SmtpDane.Dns;
using SmtpDane.Probe;
using static SmtpDane.Tests.Dane.TestPki;

namespace SmtpDane.Tests.Dane;

public class DaneMatcherTests
{
    private static readonly ReferenceIdentifiers Names = new("mx.example.com", "example.com");
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static DaneVerdict Run(IEnumerable<TlsaRecord> records, params TestCert[] chain) =>
        Run(records, Names, Week, chain);

    private static DaneVerdict Run(IEnumerable<TlsaRecord> records, ReferenceIdentifiers names, TimeSpan warn, params TestCert[] chain) =>
        DaneMatcher.Match(TlsaSelector.Select(records.ToList()), chain.Select(c => c.Der).ToList(), names, NowOffset, warn);

    private static TlsaRecord Rec(byte usage, byte selector, byte mtype, TestCert c)
    {
        var selected = selector == 0 ? c.Der : c.SpkiDer;
        var data = mtype switch { 0 => selected, 1 => Sha256(selected), _ => Sha512(selected) };
        return new TlsaRecord(usage, selector, mtype, data);
    }

    private sealed record Chain(TestCert Root, TestCert Int, TestCert Leaf);

    private static Chain EcChain(string leafName = "mx.example.com", string[]? sans = null) =>
        BuildChain(Ec, leafName, sans);

    private static Chain BuildChain(Func<TestKey> key, string leafName = "mx.example.com", string[]? sans = null)
    {
        var root = Root(key: key());
        var inter = Intermediate(root, key: key());
        return new Chain(root, inter, Leaf(inter, leafName, sans, key: key()));
    }

    private static void AssertPass(DaneVerdict v, TlsaRecord expectedRecord, int expectedDepth)
    {
        Assert.Equal(StatusToken.Pass, v.Status);
        Assert.Equal(Severity.Ok, v.Severity);
        Assert.True(v.IsAuthenticated);
        Assert.Equal(expectedRecord, v.MatchedRecord);
        Assert.Equal(expectedDepth, v.MatchedDepth);
        Assert.Empty(v.Findings);
    }

    // ---- DANE-EE(3) ----

    [Theory]
    [InlineData(0, 0)] [InlineData(0, 1)] [InlineData(0, 2)]
    [InlineData(1, 0)] [InlineData(1, 1)] [InlineData(1, 2)]
    public void Dane_ee_matches_the_leaf_by_every_selector_and_matching_type(byte selector, byte mtype)
    {
        var c = EcChain();
        var r = Rec(3, selector, mtype, c.Leaf);
        var v = Run([r], c.Leaf, c.Int);
        AssertPass(v, r, 0);
        Assert.Equal([c.Leaf.Der], v.Certificates.Select(x => x.Der));
    }

    [Fact]
    public void Dane_ee_ignores_names_rfc7672_3_1_1()
    {
        var c = EcChain("other.example.org");
        var r = Rec(3, 1, 1, c.Leaf);
        var v = Run([r], c.Leaf);
        AssertPass(v, r, 0);
        Assert.Null(v.MatchedName);
    }

    public static TheoryData<string, int, int, StatusToken?> EeDates => new()
    {
        // description, notBefore offset days, notAfter offset days, expected warning token (null = pass)
        { "expired leaf is only a warning", -400, -1, StatusToken.CertExpired },
        { "not-yet-valid leaf is only a warning", 10, 400, StatusToken.CertNotYetValid },
        { "leaf expiring within the warning window", -30, 3, StatusToken.CertExpiring },
        { "leaf expiring after the window", -30, 30, null },
    };

    [Theory]
    [MemberData(nameof(EeDates))]
    public void Dane_ee_reports_leaf_dates_as_warnings_only(string description, int nb, int na, StatusToken? expected)
    {
        var root = Root();
        var leaf = Leaf(root, notBefore: Now.AddDays(nb), notAfter: Now.AddDays(na));
        var r = Rec(3, 1, 1, leaf);
        var v = Run([r], leaf);
        Assert.True(v.IsAuthenticated, description);
        Assert.Equal(r, v.MatchedRecord);
        if (expected is null) { Assert.Equal(StatusToken.Pass, v.Status); Assert.Empty(v.Findings); return; }
        Assert.Equal(expected, v.Status);
        Assert.Equal(Severity.Warning, v.Severity);
        var f = Assert.Single(v.Findings);
        Assert.Equal((expected.Value, Severity.Warning), (f.Token, f.Severity));
    }

    [Fact]
    public void A_zero_expiration_warning_disables_the_expiring_warning()
    {
        var root = Root();
        var leaf = Leaf(root, notAfter: Now.AddHours(1));
        var r = Rec(3, 1, 1, leaf);
        Assert.Equal(StatusToken.CertExpiring, Run([r], Names, Week, leaf).Status);
        AssertPass(Run([r], Names, TimeSpan.Zero, leaf), r, 0);
    }

    [Fact]
    public void Dane_ee_digest_off_by_one_bit_does_not_match()
    {
        var c = EcChain();
        var r = Rec(3, 1, 1, c.Leaf);
        r.Data[^1] ^= 1;
        var v = Run([r], c.Leaf, c.Int);
        Assert.Equal(StatusToken.TlsaMismatch, v.Status);
        Assert.Equal(Severity.Error, v.Severity);
        Assert.Null(v.MatchedRecord);
        Assert.Equal(RecordResult.NoCertificateMatched, Assert.Single(v.Records).Result);
        Assert.Empty(v.Certificates);
    }

    // ---- DANE-TA(2) ----

    public static TheoryData<string, string> KeyKinds => new() { { "ECDSA P-256", "ec" }, { "RSA PKCS#1", "rsa" }, { "RSA-PSS", "pss" }, { "Ed25519", "ed" } };

    private static Func<TestKey> KeyFactory(string kind)
    {
        var next = 0;
        return kind switch
        {
            "ec" => Ec,
            "ed" => Ed25519,
            // Three cached RSA keys in turn: root, intermediate and leaf keys all differ.
            _ => () => Rsa(next++ % 3, kind == "pss"),
        };
    }

    [Theory]
    [MemberData(nameof(KeyKinds))]
    public void Dane_ta_matching_the_root_validates_the_whole_chain(string description, string kind)
    {
        var c = BuildChain(KeyFactory(kind));
        var r = Rec(2, 1, 1, c.Root);
        var v = Run([r], c.Leaf, c.Int, c.Root);
        AssertPass(v, r, 2);
        Assert.Equal([c.Leaf.Der, c.Int.Der, c.Root.Der], v.Certificates.Select(x => x.Der));
        Assert.Equal(new NameMatch("mx.example.com", "mx.example.com", PresentedNameSource.SubjectAltNameDns), v.MatchedName);
        Assert.True(v.IsAuthenticated, description);
    }

    [Theory]
    [InlineData(0, 0)] [InlineData(0, 1)] [InlineData(0, 2)]
    [InlineData(1, 0)] [InlineData(1, 1)] [InlineData(1, 2)]
    public void Dane_ta_matches_the_intermediate_at_depth_1(byte selector, byte mtype)
    {
        var c = EcChain();
        var r = Rec(2, selector, mtype, c.Int);
        AssertPass(Run([r], c.Leaf, c.Int), r, 1);
    }

    [Fact]
    public void Out_of_order_chain_with_unrelated_extras_is_rebuilt_by_issuer()
    {
        var c = EcChain();
        var stranger = Root("Unrelated Root");
        var strangerLeaf = Leaf(stranger, "mx.example.com");
        var r = Rec(2, 0, 1, c.Root);
        var v = Run([r], c.Leaf, stranger, c.Root, strangerLeaf, c.Int);
        AssertPass(v, r, 2);
        Assert.Equal([(0, 0), (1, 4), (2, 2)], v.Certificates.Select(x => (x.Depth, x.ServedIndex!.Value)));
    }

    [Fact]
    public void Full_root_certificate_in_a_2_0_0_record_need_not_be_sent()
    {
        var c = EcChain();
        var r = Rec(2, 0, 0, c.Root);
        var v = Run([r], c.Leaf, c.Int);
        AssertPass(v, r, 2);   // OpenSSL: the DNS certificate sits one above the top presented certificate
        Assert.Equal(CertificateOrigin.TlsaRecord, v.Certificates[2].Origin);
        Assert.Null(v.Certificates[2].ServedIndex);
    }

    [Fact]
    public void Full_root_key_in_a_2_1_0_record_need_not_be_sent()
    {
        var c = EcChain();
        var r = Rec(2, 1, 0, c.Root);
        var v = Run([r], c.Leaf, c.Int);
        AssertPass(v, r, 1);   // OpenSSL: depth of the top certificate the key signed
        Assert.Equal(2, v.Certificates.Count);
    }

    [Fact]
    public void Full_intermediate_key_in_a_2_1_0_record_signs_the_leaf_at_depth_0()
    {
        var c = EcChain();
        var r = Rec(2, 1, 0, c.Int);
        AssertPass(Run([r], c.Leaf), r, 0);
    }

    [Fact]
    public void A_2_1_0_key_that_signed_nothing_does_not_match()
    {
        var c = EcChain();
        var r = new TlsaRecord(2, 1, 0, Ec().SpkiDer);
        var v = Run([r], c.Leaf, c.Int);
        Assert.Equal(StatusToken.TlsaMismatch, v.Status);
        Assert.Equal(RecordResult.NoPathToAnchor, Assert.Single(v.Records).Result);
    }

    public static TheoryData<string, string, RecordResult> BrokenPaths => new()
    {
        { "intermediate with cA=false", "notca", RecordResult.IssuerNotCa },
        { "intermediate without basicConstraints", "nobc", RecordResult.IssuerNotCa },
        { "intermediate keyUsage without keyCertSign", "noku", RecordResult.IssuerNotCa },
        { "leaf signed by a key other than the intermediate's", "wrongkey", RecordResult.SignatureInvalid },
        { "root pathLen 0 above an intermediate", "pathlen", RecordResult.PathLengthExceeded },
        { "version 1 intermediate", "v1int", RecordResult.IssuerNotCa },
        { "anchor sent, intermediate missing", "missing", RecordResult.NoPathToAnchor },
    };

    [Theory]
    [MemberData(nameof(BrokenPaths))]
    public void A_matching_anchor_without_a_valid_path_is_a_mismatch_with_the_reason(string description, string kind, RecordResult expected)
    {
        var root = kind == "pathlen"
            ? Make(new Spec { Cn = "Test Root", Ca = true, PathLen = 0, NotAfter = Now.AddYears(10) })
            : Root();
        var inter = kind switch
        {
            "notca" => Intermediate(root, ca: false),
            "nobc" => Intermediate(root, ca: null),
            "noku" => Make(new Spec { Cn = "Test Intermediate", Issuer = root, Ca = true, KeyUsageBits = Org.BouncyCastle.Asn1.X509.KeyUsage.DigitalSignature }),
            "v1int" => Make(new Spec { Cn = "Test Intermediate", Issuer = root, Version1 = true }),
            _ => Intermediate(root),
        };
        var leaf = kind == "wrongkey" ? Leaf(inter, signWith: Ec()) : Leaf(inter);
        var r = Rec(2, 1, 1, root);
        var v = kind == "missing" ? Run([r], leaf, root) : Run([r], leaf, inter, root);
        Assert.Equal(StatusToken.TlsaMismatch, v.Status);
        Assert.Null(v.MatchedRecord);
        Assert.Equal(expected, Assert.Single(v.Records).Result);
        Assert.False(v.IsAuthenticated, description);
    }

    [Fact]
    public void Sha1_signatures_are_refused_on_the_path()
    {
        var root = Root(key: Rsa(0));
        var inter = Intermediate(root, key: new TestKey(Rsa(1).Pair, "SHA1WITHRSA"));
        var leaf = Leaf(inter);   // signed by the intermediate key with SHA-1
        var v = Run([Rec(2, 1, 1, root)], leaf, inter, root);
        Assert.Equal(StatusToken.TlsaMismatch, v.Status);
        Assert.Equal(RecordResult.UnsupportedSignatureAlgorithm, Assert.Single(v.Records).Result);
    }

    [Fact]
    public void Ecdsa_sha384_signatures_verify()
    {
        var root = Root(key: Ec() with { SignatureAlgorithm = "SHA384WITHECDSA" });
        var inter = Intermediate(root, key: Ec() with { SignatureAlgorithm = "SHA512WITHECDSA" });
        var leaf = Leaf(inter);
        var r = Rec(2, 1, 1, root);
        AssertPass(Run([r], leaf, inter, root), r, 2);
    }

    [Fact]
    public void A_version_1_root_is_accepted_as_the_anchor()
    {
        var root = Make(new Spec { Cn = "Old Root", Version1 = true, NotAfter = Now.AddYears(10) });
        var inter = Intermediate(root);
        var leaf = Leaf(inter);
        var r = Rec(2, 0, 1, root);
        AssertPass(Run([r], leaf, inter, root), r, 2);
    }

    public static TheoryData<string, string, StatusToken> TaDates => new()
    {
        { "expired leaf", "leaf-expired", StatusToken.CertExpired },
        { "expired intermediate", "int-expired", StatusToken.CertExpired },
        { "expired root (the anchor itself)", "root-expired", StatusToken.CertExpired },
        { "not-yet-valid leaf", "leaf-future", StatusToken.CertNotYetValid },
    };

    [Theory]
    [MemberData(nameof(TaDates))]
    public void Dane_ta_dates_of_every_certificate_up_to_the_anchor_are_errors(string description, string kind, StatusToken expected)
    {
        var root = Root(notAfter: kind == "root-expired" ? Now.AddDays(-1) : null);
        var inter = Intermediate(root, notAfter: kind == "int-expired" ? Now.AddDays(-1) : null);
        var leaf = kind switch
        {
            "leaf-expired" => Leaf(inter, notAfter: Now.AddDays(-1)),
            "leaf-future" => Leaf(inter, notBefore: Now.AddDays(1)),
            _ => Leaf(inter),
        };
        var r = Rec(2, 1, 1, root);
        var v = Run([r], leaf, inter, root);
        Assert.Equal(expected, v.Status);
        Assert.Equal(Severity.Error, v.Severity);
        Assert.Equal(r, v.MatchedRecord);        // the record matched; the date is what failed
        var f = Assert.Single(v.Findings);
        Assert.Equal((expected, Severity.Error), (f.Token, f.Severity));
        Assert.False(v.IsAuthenticated, description);
    }

    [Fact]
    public void Dates_above_the_anchor_do_not_count()
    {
        var root = Root(notAfter: Now.AddDays(-1));
        var inter = Intermediate(root);
        var leaf = Leaf(inter);
        var r = Rec(2, 1, 1, inter);
        AssertPass(Run([r], leaf, inter, root), r, 1);
    }

    [Fact]
    public void Expiry_is_reported_once_per_certificate_even_when_several_records_match()
    {
        var root = Root(notAfter: Now.AddDays(2));
        var inter = Intermediate(root, notAfter: Now.AddDays(3));
        var leaf = Leaf(inter, notAfter: Now.AddDays(90));
        var records = new[] { Rec(2, 0, 1, root), Rec(2, 1, 1, root), Rec(2, 1, 2, root), Rec(2, 0, 0, root) };
        var v = Run(records, leaf, inter, root);
        Assert.Equal(StatusToken.CertExpiring, v.Status);
        Assert.Equal(Severity.Warning, v.Severity);
        Assert.True(v.IsAuthenticated);
        Assert.Equal(2, v.Findings.Count);   // root and intermediate, once each
        Assert.All(v.Findings, f => Assert.Equal(StatusToken.CertExpiring, f.Token));
        Assert.Equal(3, v.Records.Count);   // 2 1 1 superseded by 2 1 2 (digest agility)
        Assert.All(v.Records, o => Assert.Equal((RecordResult.Matched, 2), (o.Result, o.Depth!.Value)));
    }

    [Fact]
    public void Dane_ta_with_a_wrong_name_is_a_name_mismatch_reported_after_the_match()
    {
        var c = EcChain("mail.other.net");
        var r = Rec(2, 1, 1, c.Int);
        var v = Run([r], c.Leaf, c.Int);
        Assert.Equal(StatusToken.NameMismatch, v.Status);
        Assert.Equal(Severity.Error, v.Severity);
        Assert.Equal(r, v.MatchedRecord);
        Assert.Equal(1, v.MatchedDepth);
        Assert.Null(v.MatchedName);
        Assert.Equal(StatusToken.NameMismatch, Assert.Single(v.Findings).Token);
    }

    [Fact]
    public void Name_mismatch_is_not_reported_when_nothing_matched()
    {
        var c = EcChain("mail.other.net");
        var r = Rec(2, 1, 1, Root());
        var v = Run([r], c.Leaf, c.Int);
        Assert.Equal(StatusToken.TlsaMismatch, v.Status);
        Assert.DoesNotContain(v.Findings, f => f.Token == StatusToken.NameMismatch);
    }

    [Fact]
    public void Any_aka_name_satisfies_the_name_check()
    {
        var c = EcChain("mail.other.net");
        var r = Rec(2, 1, 1, c.Int);
        var v = Run([r], new ReferenceIdentifiers("mx.example.com", "MAIL.other.NET."), Week, c.Leaf, c.Int);
        Assert.Equal(StatusToken.Pass, v.Status);
        Assert.Equal("mail.other.net", v.MatchedName!.Reference);
    }

    [Theory]
    [InlineData("*.example.com covers mx.example.com", "mx.example.com", StatusToken.Pass)]
    [InlineData("*.example.com does not cover a.b.example.com", "a.b.example.com", StatusToken.NameMismatch)]
    [InlineData("*.example.com does not cover example.com", "example.com", StatusToken.NameMismatch)]
    public void Wildcard_leaf_under_dane_ta(string description, string reference, StatusToken expected)
    {
        var root = Root();
        var leaf = Leaf(root, "wild", sans: ["*.example.com"]);
        var v = Run([Rec(2, 1, 1, root)], new ReferenceIdentifiers(reference), Week, leaf, root);
        Assert.True(expected == v.Status, $"{description}: got {v.Status}");
    }

    [Fact]
    public void A_2_0_0_record_whose_data_is_not_a_certificate_matches_nothing()
    {
        var c = EcChain();
        var v = Run([new TlsaRecord(2, 0, 0, [0x30, 0x01, 0x00])], c.Leaf, c.Int, c.Root);
        Assert.Equal(RecordResult.NoCertificateMatched, Assert.Single(v.Records).Result);
    }

    [Fact]
    public void Mixed_key_types_along_the_chain_verify()
    {
        var root = Root(key: Rsa(0));
        var inter = Intermediate(root, key: Ec());
        var leaf = Leaf(inter, key: Ed25519());
        var r = Rec(2, 0, 2, root);
        AssertPass(Run([r], leaf, inter, root), r, 2);
    }

    [Fact]
    public void Common_name_is_used_only_without_a_dns_san()
    {
        var root = Root();
        var cnOnly = Make(new Spec { Cn = "mx.example.com", Issuer = root, Ca = false });
        var sanElsewhere = Leaf(root, "mx.example.com", sans: ["other.example.net"]);
        var r = Rec(2, 1, 1, root);
        var v1 = Run([r], cnOnly, root);
        Assert.Equal(StatusToken.Pass, v1.Status);
        Assert.Equal(PresentedNameSource.CommonName, v1.MatchedName!.Source);
        Assert.Equal(StatusToken.NameMismatch, Run([r], sanElsewhere, root).Status);
    }

    [Fact]
    public void Dane_ee_is_preferred_and_the_lowest_ta_depth_wins()
    {
        var c = EcChain();
        var ee = Rec(3, 1, 1, c.Leaf);
        var taRoot = Rec(2, 1, 1, c.Root);
        var taInt = Rec(2, 0, 1, c.Int);
        var v = Run([taRoot, taInt, ee], c.Leaf, c.Int, c.Root);
        AssertPass(v, ee, 0);
        v = Run([taRoot, taInt], c.Leaf, c.Int, c.Root);
        AssertPass(v, taInt, 1);
    }

    [Fact]
    public void A_clean_match_wins_over_a_match_with_errors_and_failures_are_listed_per_record()
    {
        var c = EcChain("mail.other.net");
        var ta = Rec(2, 1, 1, c.Root);           // matches, but the name fails
        var ee = Rec(3, 1, 1, c.Leaf);           // matches, names irrelevant
        var miss = Rec(3, 0, 1, Root());         // matches nothing
        var v = Run([ta, miss, ee], c.Leaf, c.Int, c.Root);
        AssertPass(v, ee, 0);
        Assert.Equal([RecordResult.Matched, RecordResult.NoCertificateMatched, RecordResult.Matched], v.Records.Select(o => o.Result));
    }

    [Fact]
    public void Duplicate_certificates_in_the_chain_are_harmless()
    {
        var c = EcChain();
        var r = Rec(2, 0, 1, c.Root);
        AssertPass(Run([r], c.Leaf, c.Leaf, c.Int, c.Root, c.Int, c.Root), r, 2);
    }

    [Fact]
    public void A_hostile_clique_of_cross_signed_cas_stops_at_the_path_building_budget()
    {
        // Every "Loop CA" key certified by every other: the number of issuer paths explodes.
        var keys = Enumerable.Range(0, 4).Select(_ => Ec()).ToArray();
        var selfSigned = keys.Select(k => Root("Loop CA", k)).ToArray();
        var clique = new List<TestCert>();
        for (var i = 0; i < keys.Length; i++)
            for (var j = 0; j < keys.Length; j++)
                clique.Add(i == j ? selfSigned[i] : Make(new Spec { Cn = "Loop CA", Key = keys[i], Issuer = selfSigned[j], Ca = true }));
        var leaf = Leaf(selfSigned[0]);
        var stranger = new TlsaRecord(2, 1, 0, Ec().SpkiDer);   // a bare key that signed nothing here
        var v = Run([stranger], [leaf, .. clique]);
        Assert.Equal(StatusToken.TlsaMismatch, v.Status);
        Assert.Equal(RecordResult.PathBuildingBudgetExceeded, Assert.Single(v.Records).Result);
    }

    // ---- degenerate input ----

    [Fact]
    public void No_usable_record_is_tlsa_unusable()
    {
        var c = EcChain();
        var v = Run([Rec(1, 1, 1, c.Leaf), Rec(0, 0, 1, c.Root)], c.Leaf, c.Int, c.Root);
        Assert.Equal(StatusToken.TlsaUnusable, v.Status);
        Assert.Equal(Severity.Error, v.Severity);
        Assert.Empty(v.Records);
    }

    [Fact]
    public void An_empty_chain_is_a_mismatch()
    {
        var r = new TlsaRecord(3, 1, 1, new byte[32]);
        var v = DaneMatcher.Match(TlsaSelector.Select([r]), [], Names, NowOffset, Week);
        Assert.Equal(StatusToken.TlsaMismatch, v.Status);
        Assert.Equal(RecordResult.EmptyChain, Assert.Single(v.Records).Result);
    }

    [Fact]
    public void Garbage_instead_of_a_leaf_only_matches_a_full_certificate_digest_of_those_bytes()
    {
        var garbage = "not a certificate"u8.ToArray();
        var byBytes = new TlsaRecord(3, 0, 1, Sha256(garbage));
        var byKey = new TlsaRecord(3, 1, 1, new byte[32]);
        var ta = new TlsaRecord(2, 0, 1, new byte[32]);
        var v = DaneMatcher.Match(TlsaSelector.Select([byKey, ta, byBytes]), [garbage], Names, NowOffset, Week);
        Assert.Equal(StatusToken.Pass, v.Status);
        Assert.Equal([RecordResult.LeafUnparseable, RecordResult.LeafUnparseable, RecordResult.Matched], v.Records.Select(o => o.Result));
        Assert.Empty(v.Certificates);
    }
}
