namespace SmtpDane.Tls;

/// <summary>Per-connection notebook filled by the Bouncy Castle hooks while the handshake runs (one connection,
/// one thread at a time: BC calls the hooks synchronously from inside <c>OfferInput</c>).</summary>
internal sealed class HandshakeRecorder
{
    /// <summary>Key exchange group seen in a TLS 1.2 ServerKeyExchange (BC reports none for 1.2).</summary>
    public int? Tls12Group { get; set; }

    /// <summary>Bit length of an explicit (unnamed) finite-field DH group in a TLS 1.2 ServerKeyExchange.</summary>
    public int? Tls12ExplicitDhBits { get; set; }

    /// <summary>Called once the ServerHello is in: groups met before it were only our TLS 1.3 key shares
    /// (BC builds them through the same CreateECDomain hook), not the negotiated key exchange.</summary>
    public void ForgetClientHelloGroups()
    {
        Tls12Group = null;
        Tls12ExplicitDhBits = null;
    }

    /// <summary>Signature scheme the server used to sign the handshake.</summary>
    public int? SignatureScheme { get; set; }

    /// <summary>Server chain, leaf first, as received.</summary>
    public IReadOnlyList<byte[]>? ChainDer { get; set; }

    /// <summary>Stapled OCSP response DER.</summary>
    public byte[]? OcspStaple { get; set; }

    /// <summary>Problem found while reading the staple (kept so a malformed staple is reported, not fatal).</summary>
    public string? StapleProblem { get; set; }
}
