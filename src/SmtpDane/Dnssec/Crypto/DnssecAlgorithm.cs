namespace SmtpDane.Dnssec.Crypto;

/// <summary>DNSSEC signing algorithm numbers (IANA "DNS Security Algorithm Numbers"; RFC 4034 App. A.1,
/// RFC 5155 §2, RFC 5702, RFC 6605, RFC 8080). Only the numbers we reason about are named.</summary>
public enum DnssecAlgorithm : byte
{
    RsaMd5 = 1,
    Dsa = 3,
    RsaSha1 = 5,
    DsaNsec3Sha1 = 6,
    RsaSha1Nsec3Sha1 = 7,
    RsaSha256 = 8,
    RsaSha512 = 10,
    EccGost = 12,
    EcdsaP256Sha256 = 13,
    EcdsaP384Sha384 = 14,
    Ed25519 = 15,
    Ed448 = 16,
}
