namespace SmtpDane.Dns;

/// <summary>RR TYPE values (IANA "Resource Record (RR) TYPEs"). Any 16-bit value is valid on the wire
/// (RFC 3597); the members name the ones this tool understands or mentions.</summary>
public enum RecordType : ushort
{
    A = 1,          // RFC 1035
    NS = 2,         // RFC 1035
    CNAME = 5,      // RFC 1035
    SOA = 6,        // RFC 1035
    PTR = 12,       // RFC 1035
    HINFO = 13,     // RFC 1035
    MX = 15,        // RFC 1035
    TXT = 16,       // RFC 1035
    AAAA = 28,      // RFC 3596
    SRV = 33,       // RFC 2782
    DNAME = 39,     // RFC 6672
    OPT = 41,       // RFC 6891
    DS = 43,        // RFC 4034
    RRSIG = 46,     // RFC 4034
    NSEC = 47,      // RFC 4034
    DNSKEY = 48,    // RFC 4034
    NSEC3 = 50,     // RFC 5155
    NSEC3PARAM = 51,// RFC 5155
    TLSA = 52,      // RFC 6698
    CDS = 59,       // RFC 7344
    CDNSKEY = 60,   // RFC 7344
    ANY = 255,      // RFC 1035 (QTYPE "*", RFC 8482)
}
