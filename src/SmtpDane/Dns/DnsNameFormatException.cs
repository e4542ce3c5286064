namespace SmtpDane.Dns;

/// <summary>A domain name in presentation form could not be parsed; the message says exactly why
/// (RFC 1035 §5.1 escapes, RFC 1035 §2.3.4 limits).</summary>
public sealed class DnsNameFormatException(string message) : FormatException(message);
