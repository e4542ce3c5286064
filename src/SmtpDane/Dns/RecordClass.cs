namespace SmtpDane.Dns;

/// <summary>CLASS values (RFC 1035 §3.2.4, RFC 6895 §3.2). In OPT records the field carries the UDP payload size
/// instead (RFC 6891 §6.1.2), so any 16-bit value can occur.</summary>
public enum RecordClass : ushort
{
    IN = 1,
    CH = 3,
    HS = 4,
    NONE = 254,
    ANY = 255,
}
