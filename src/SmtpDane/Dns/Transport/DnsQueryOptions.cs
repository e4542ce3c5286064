namespace SmtpDane.Dns.Transport;

/// <summary>Header bits a query asks for: DO (RFC 3225, want RRSIGs) and CD (RFC 4035 §3.2.2, "I validate myself").</summary>
public sealed record DnsQueryOptions(bool DnssecOk = true, bool CheckingDisabled = false);
