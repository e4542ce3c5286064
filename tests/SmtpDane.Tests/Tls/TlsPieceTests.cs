using SmtpDane.Tls;

namespace SmtpDane.Tests.Tls;

public class TlsPieceTests
{
    public static TheoryData<int, string> IanaNames => new()
    {
        // code from the IANA TLS Cipher Suites registry, its registered name
        { 0x1301, "TLS_AES_128_GCM_SHA256" },
        { 0x1302, "TLS_AES_256_GCM_SHA384" },
        { 0x1303, "TLS_CHACHA20_POLY1305_SHA256" },
        { 0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" },
        { 0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384" },
        { 0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" },
        { 0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" },
        { 0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256" },
        { 0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256" },
        { 0xCCAA, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256" },
        { 0x009E, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256" },
        { 0x009F, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384" },
        { 0xC024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384" },
        { 0xC028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384" },
        { 0xC023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256" },
        { 0xC027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256" },
        { 0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA" },
        { 0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA" },
        { 0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA" },
        { 0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA" },
    };

    [Theory]
    [MemberData(nameof(IanaNames))]
    public void Cipher_suite_names_match_the_iana_registry(int code, string name) =>
        Assert.Equal(name, CipherSuiteNames.NameOf(code));

    [Fact]
    public void Every_offered_suite_has_a_registry_row_above()
    {
        var table = IanaNames.Select(row => (int)row[0]).ToHashSet();
        Assert.All(CipherSuiteNames.OfferedCodes, code => Assert.Contains(code, table));
    }

    [Fact]
    public void Unknown_suite_is_shown_as_hex() => Assert.Equal("0x00FF", CipherSuiteNames.NameOf(0x00FF));

    public static TheoryData<string, byte[], byte[]?> Staples => new()
    {
        // description, status_request extension data (RFC 6066 §8 CertificateStatus), expected OCSPResponse
        { "ocsp(1) with a 3-octet response", new byte[] { 1, 0, 0, 3, 0x30, 0x01, 0x00 }, new byte[] { 0x30, 0x01, 0x00 } },
        { "status_type 2 (ocsp_multi) is not a TLS 1.3 staple", new byte[] { 2, 0, 0, 1, 0x30 }, null },
        { "length longer than the data", new byte[] { 1, 0, 0, 9, 0x30 }, null },
        { "length shorter than the data", new byte[] { 1, 0, 0, 1, 0x30, 0x00 }, null },
        { "empty response", new byte[] { 1, 0, 0, 0 }, null },
        { "truncated header", new byte[] { 1, 0 }, null },
    };

    [Theory]
    [MemberData(nameof(Staples))]
    public void Tls13_staple_extension_is_read_exactly_or_rejected_with_a_reason(string description, byte[] data, byte[]? expected)
    {
        var staple = OcspStapleReader.Read(data, out var problem);
        Assert.Equal(expected, staple);
        Assert.True((expected is null) == (problem is not null), description);
    }

    [Fact]
    public void Bouncy_castle_setup_disables_miller_rabin_on_rsa_moduli()
    {
        BouncyCastleSetup.EnsureConfigured();
        Assert.Equal("0", Environment.GetEnvironmentVariable("Org.BouncyCastle.Rsa.MaxMRTests"));
    }
}
