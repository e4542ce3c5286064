namespace SmtpDane.Probe.Report;

/// <summary>What the TLS handshake negotiated, as text (names come from the TLS layer's tables).</summary>
/// <param name="Version">e.g. <c>TLSv1.3</c>.</param>
/// <param name="CipherSuite">e.g. <c>TLS_AES_256_GCM_SHA384</c>.</param>
/// <param name="Group">Key-exchange group, e.g. <c>x25519</c>; null when not known.</param>
/// <param name="SignatureScheme">Server's handshake signature scheme, e.g. <c>ecdsa_secp256r1_sha256</c>.</param>
/// <param name="ChainSummary">One line per served certificate, leaf first (depth, subject, issuer, notAfter).</param>
/// <param name="OcspStatus">OCSP staple status text (e.g. <c>good</c>, <c>no staple</c>); null when not requested.</param>
public sealed record TlsReport(
    string Version,
    string CipherSuite,
    string? Group,
    string? SignatureScheme,
    IReadOnlyList<string> ChainSummary,
    string? OcspStatus);
