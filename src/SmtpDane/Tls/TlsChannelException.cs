namespace SmtpDane.Tls;

/// <summary>A TLS failure translated from Bouncy Castle's exceptions into a kind and a sentence. Internal: the
/// session turns it into an outcome; nothing outside the probe sees an exception.</summary>
internal sealed class TlsChannelException : Exception
{
    public TlsChannelException(TlsFailureKind kind, string message, Exception? inner = null) : base(message, inner) => Kind = kind;

    public TlsFailureKind Kind { get; }
}
