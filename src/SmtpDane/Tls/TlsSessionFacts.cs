namespace SmtpDane.Tls;

/// <summary>What a completed TLS handshake showed, recorded without judging it. Trust is decided later by the
/// DANE matcher from <see cref="ChainDer"/> and <see cref="OcspStaple"/>.</summary>
/// <param name="Version">Negotiated protocol version as Bouncy Castle names it, e.g. "TLS 1.3".</param>
/// <param name="CipherSuiteCode">IANA cipher suite number.</param>
/// <param name="CipherSuite">IANA cipher suite name (e.g. TLS_AES_128_GCM_SHA256), or "0x…" when not in our table.</param>
/// <param name="GroupCode">IANA named group of the key exchange, when known.</param>
/// <param name="Group">Its name (e.g. x25519), when known.</param>
/// <param name="SignatureSchemeCode">IANA signature scheme the server signed the handshake with, when known.</param>
/// <param name="SignatureScheme">Its name (e.g. rsa_pss_rsae_sha256), when known.</param>
/// <param name="ChainDer">The server's certificates, leaf first, exactly as received on the wire.</param>
/// <param name="OcspStaple">The stapled OCSPResponse DER (RFC 6066 §8 / RFC 8446 §4.4.2.1), or null when none.</param>
/// <param name="ServerNameSent">The SNI host name we sent (RFC 6066 §3), or null when none.</param>
public sealed record TlsSessionFacts(
    string Version,
    int CipherSuiteCode,
    string CipherSuite,
    int? GroupCode,
    string? Group,
    int? SignatureSchemeCode,
    string? SignatureScheme,
    IReadOnlyList<byte[]> ChainDer,
    byte[]? OcspStaple,
    string? ServerNameSent);
