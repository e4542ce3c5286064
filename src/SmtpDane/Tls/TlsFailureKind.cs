namespace SmtpDane.Tls;

/// <summary>How a TLS connection failed, as far as the client can tell.</summary>
internal enum TlsFailureKind
{
    /// <summary>The server sent a fatal alert (RFC 8446 §6.2).</summary>
    AlertReceived,

    /// <summary>Our side raised a fatal alert because the server broke the protocol.</summary>
    AlertSent,

    /// <summary>The server answered the ClientHello in plaintext SMTP (a STARTTLS port probed with TLS-on-connect).</summary>
    PlaintextReply,

    /// <summary>The connection was closed before the handshake finished.</summary>
    ConnectionClosed,

    /// <summary>Any other transport error (reset, …).</summary>
    TransportError,
}
