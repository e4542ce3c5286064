namespace SmtpDane.Dane;

/// <summary>Why a stapled response cannot be relied on.</summary>
public enum OcspInvalidReason
{
    /// <summary>Not a DER OCSPResponse / BasicOCSPResponse (RFC 6960 §4.2.1).</summary>
    Malformed,
    /// <summary>responseStatus malformedRequest(1), internalError(2), sigRequired(5), unauthorized(6) or unknown.</summary>
    ResponderError,
    /// <summary>responseBytes of a type other than id-pkix-ocsp-basic (RFC 6960 §4.2.1).</summary>
    UnsupportedResponseType,
    /// <summary>No decodable leaf certificate to look up.</summary>
    LeafUnavailable,
    /// <summary>The leaf's issuer is not in the served chain, so neither the CertID nor the signer can be checked.</summary>
    IssuerUnavailable,
    /// <summary>No SingleResponse carries the leaf's CertID (issuer name hash, key hash, serial; RFC 6960 §4.1.1).</summary>
    NoResponseForCertificate,
    /// <summary>The ResponderID names neither the issuer nor a certificate included in the response.</summary>
    ResponderNotFound,
    /// <summary>A delegated responder not issued by the leaf's issuer or without id-kp-OCSPSigning (RFC 6960 §4.2.2.2).</summary>
    ResponderNotAuthorized,
    /// <summary>The delegated responder's certificate is outside its validity period.</summary>
    ResponderCertificateExpired,
    SignatureInvalid,
    UnsupportedSignatureAlgorithm,
    /// <summary>thisUpdate is in the future beyond the allowed clock skew (RFC 6960 §3.2 item 5).</summary>
    NotYetValid,
    /// <summary>nextUpdate has passed (RFC 6960 §3.2 item 6, §4.2.2.1).</summary>
    Expired,
}
