namespace SmtpDane.Dns.Wire;

/// <summary>The full 12-bit response code: 4 header bits plus 8 bits from OPT (RFC 6891 §6.1.3; IANA "DNS RCODEs").</summary>
public enum DnsRcode : ushort
{
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NxDomain = 3,
    NotImp = 4,
    Refused = 5,
    YxDomain = 6,
    YxRrset = 7,
    NxRrset = 8,
    NotAuth = 9,
    NotZone = 10,
    BadVers = 16,
    BadCookie = 23,
}
