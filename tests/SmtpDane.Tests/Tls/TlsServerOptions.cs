using Org.BouncyCastle.Tls;

namespace SmtpDane.Tests.Tls;

/// <summary>What the test TLS server should do.</summary>
public sealed record TlsServerOptions(TestPki Pki, ProtocolVersion Version)
{
    /// <summary>Staple the PKI's OCSP response when the client asks for one.</summary>
    public bool Staple { get; init; } = true;

    /// <summary>Restrict the server's suites (null: every suite the server's key can use).</summary>
    public int[]? CipherSuites { get; init; }

    /// <summary>Restrict the server's groups (null: BC's default).</summary>
    public int[]? Groups { get; init; }

    /// <summary>For DHE suites: send this explicit group (RFC 5246 ServerDHParams) instead of a named one.</summary>
    public Org.BouncyCastle.Tls.Crypto.DHGroup? ExplicitDhGroup { get; init; }

    /// <summary>Send the leaf in its BER form (<see cref="TestPki.LeafBer"/>) instead of DER.</summary>
    public bool SendBerLeaf { get; init; }

    /// <summary>Demand a client certificate (TLS 1.3 only) and refuse the connection without one.</summary>
    public bool RequireClientCertificate { get; init; }

    /// <summary>Abort the handshake with this fatal alert right after the ClientHello.</summary>
    public short? FailWithAlert { get; init; }
}
