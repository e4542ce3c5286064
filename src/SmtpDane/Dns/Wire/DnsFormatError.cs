namespace SmtpDane.Dns.Wire;

/// <summary>The specific reason a DNS message (or RDATA) could not be decoded.</summary>
public enum DnsFormatError
{
    /// <summary>The data ends before a field it announces (header, name, fixed fields, RDATA).</summary>
    Truncated,
    /// <summary>A name longer than 255 octets (RFC 1035 §2.3.4).</summary>
    NameTooLong,
    /// <summary>A label length octet with the reserved top bits 01 or 10 (RFC 6891 §5 deprecated extended labels).</summary>
    BadLabelType,
    /// <summary>A compression pointer that does not point strictly backwards (RFC 1035 §4.1.4 "a prior occurrence";
    /// forward or self pointers allow loops).</summary>
    ForwardPointer,
    /// <summary>More compression pointers in one name than <see cref="DnsLimits.MaxCompressionPointers"/>.</summary>
    TooManyPointers,
    /// <summary>A compression pointer where RFC 3597 §4 / RFC 4034 forbid compression (RDATA of other types) or
    /// where there is no message to point into.</summary>
    PointerNotAllowed,
    /// <summary>A section count the rest of the message cannot possibly hold.</summary>
    CountExceedsMessage,
    /// <summary>RDATA of a known type that does not parse to exactly RDLENGTH octets.</summary>
    RDataLengthMismatch,
    /// <summary>RDATA whose fields are invalid for the type (bad type bitmap, bad address length…).</summary>
    InvalidRData,
    /// <summary>Octets left after the last announced record.</summary>
    TrailingData,
    /// <summary>More than one OPT record, or OPT not owned by the root, or not in the additional section (RFC 6891 §6.1.1).</summary>
    InvalidOpt,
    /// <summary>An EDNS option that runs past the OPT RDATA (RFC 6891 §6.1.2).</summary>
    BadEdnsOption,
}
