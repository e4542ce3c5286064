namespace SmtpDane.Dnssec.Crypto;

/// <summary>DS digest types (IANA "Delegation Signer (DS) Resource Record Digest Algorithms").</summary>
public enum DsDigestType : byte
{
    Sha1 = 1,      // RFC 4034 §5.1.4
    Sha256 = 2,    // RFC 4509
    Gost = 3,      // RFC 5933, MUST NOT validate (RFC 8624 §3.3)
    Sha384 = 4,    // RFC 6605
}
