namespace SmtpDane.Dns;

/// <summary>Whether an answer denies existence (RFC 2308 §1): of the name (NXDOMAIN, RCODE 3) or only of the type
/// at an existing name (NODATA: NOERROR with no RRs of the type). Its trustworthiness is the answer's
/// <see cref="SecurityStatus"/>.</summary>
public enum DenialKind
{
    None,
    NxDomain,
    NoData,
}
