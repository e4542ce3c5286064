namespace SmtpDane.Smtp;

/// <summary>Why a byte stream is not a well-formed SMTP reply (RFC 5321 §4.2).</summary>
public enum ReplyErrorKind
{
    /// <summary>The first three octets of a line are not a reply code (%x32-35 %x30-35 %x30-39).</summary>
    MalformedCode,

    /// <summary>The octet after the code is neither SP, "-", nor the end of the line.</summary>
    MalformedSeparator,

    /// <summary>A line is longer than <see cref="ReplyParser.MaxLineLength"/>.</summary>
    LineTooLong,

    /// <summary>A multi-line reply has more than <see cref="ReplyParser.MaxReplyLines"/> lines.</summary>
    TooManyLines,

    /// <summary>A multi-line reply is longer than <see cref="ReplyParser.MaxReplyBytes"/> octets in total.</summary>
    ReplyTooLong,

    /// <summary>The lines of one multi-line reply carry different codes (RFC 5321 §4.2.1 requires the same code).</summary>
    InconsistentCode,

    /// <summary>The bytes look like a TLS record (content type 20-23, version 3.x): the peer speaks TLS, not SMTP.</summary>
    TlsRecord,
}
