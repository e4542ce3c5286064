using Org.BouncyCastle.Tls;

namespace SmtpDane.Tls;

/// <summary>The cipher suites we offer, strongest first, and their IANA names (Bouncy Castle has no name table).</summary>
/// <remarks>Wider than BC's DefaultTlsClient (AES-128 and ChaCha20 only): a server limited to AES-256 must still be
/// measurable (measured-facts.md). Forward-secret suites only (no static RSA key exchange, RFC 9325 §4.1), AEAD
/// first (RFC 9325 §4.2). ECDHE with AES-CBC comes last: a sending MTA doing opportunistic or DANE TLS (RFC 7435,
/// RFC 7672 §1.3) still accepts it rather than fall back, so a CBC-only server must be measured, not reported as
/// "TLS failed"; the negotiated suite name lets the report warn about it.</remarks>
internal static class CipherSuiteNames
{
    /// <summary>Offered suites, in preference order; names from the IANA TLS Cipher Suites registry.</summary>
    internal static readonly (int Code, string Name)[] Offered =
    {
        // TLS 1.3 (RFC 8446 §B.4)
        (CipherSuite.TLS_AES_256_GCM_SHA384, "TLS_AES_256_GCM_SHA384"),
        (CipherSuite.TLS_CHACHA20_POLY1305_SHA256, "TLS_CHACHA20_POLY1305_SHA256"),
        (CipherSuite.TLS_AES_128_GCM_SHA256, "TLS_AES_128_GCM_SHA256"),
        // TLS 1.2 ECDHE (RFC 5289, RFC 7905)
        (CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
        (CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
        (CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
        (CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
        (CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
        (CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        // TLS 1.2 finite-field DHE (RFC 5288, RFC 7905): still common on mail servers without ECDHE tuning.
        (CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"),
        (CipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
        (CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
        // TLS 1.2 ECDHE with CBC (RFC 5289, RFC 8422), last resort for old servers.
        (CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"),
        (CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
        (CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
        (CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
        (CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
        (CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
        (CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
        (CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
    };

    internal static int[] OfferedCodes => Offered.Select(s => s.Code).ToArray();

    /// <summary>IANA name of <paramref name="code"/>, or "0xNNNN" for a suite we did not offer (a server that picks
    /// one has broken the protocol, and BC would have refused it; the fallback only keeps this total).</summary>
    internal static string NameOf(int code)
    {
        foreach (var (c, name) in Offered)
        {
            if (c == code) return name;
        }
        return $"0x{code:X4}";
    }
}
