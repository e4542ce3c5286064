namespace SmtpDane.Dns;

/// <summary>Typed RDATA of one resource record. Each RR type has its own record type; anything this tool does not
/// interpret is an <see cref="UnknownRecord"/> holding the octets (RFC 3597). Match with <c>rr.Data is MxRecord mx</c>.</summary>
public interface IRData;
