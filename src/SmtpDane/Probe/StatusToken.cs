namespace SmtpDane.Probe;

/// <summary>The stable, documented vocabulary of outcomes (cli.md "Status words"). Scripts match on the
/// kebab-case text from <see cref="StatusTokenText.ToToken"/>; never rename a token once released.</summary>
public enum StatusToken
{
    Pass,
    TlsaAbsent,
    TlsaUnusable,
    TlsaMismatch,
    NameMismatch,
    CertExpired,
    CertExpiring,
    CertNotYetValid,
    RrsigExpiring,
    StarttlsNotOffered,
    BannerFailed,
    TlsFailed,
    MxInsecure,
    DnssecInsecure,
    DnssecBogus,
    DnsFailed,
    NoAddresses,
    NullMx,
    NoMx,
    SrvNotOffered,
    ConnectFailed,
    Timeout,
    OcspMissing,
    OcspRevoked,
    OcspInvalid,
    OcspTryLater,
    StarttlsInjection,
    SmtpFailed,
    DaneNotApplicable,
}

public static class StatusTokenText
{
    public static string ToToken(this StatusToken t) => t switch
    {
        StatusToken.Pass => "pass",
        StatusToken.TlsaAbsent => "tlsa-absent",
        StatusToken.TlsaUnusable => "tlsa-unusable",
        StatusToken.TlsaMismatch => "tlsa-mismatch",
        StatusToken.NameMismatch => "name-mismatch",
        StatusToken.CertExpired => "cert-expired",
        StatusToken.CertExpiring => "cert-expiring",
        StatusToken.CertNotYetValid => "cert-not-yet-valid",
        StatusToken.RrsigExpiring => "rrsig-expiring",
        StatusToken.StarttlsNotOffered => "starttls-not-offered",
        StatusToken.BannerFailed => "banner-failed",
        StatusToken.TlsFailed => "tls-failed",
        StatusToken.MxInsecure => "mx-insecure",
        StatusToken.DnssecInsecure => "dnssec-insecure",
        StatusToken.DnssecBogus => "dnssec-bogus",
        StatusToken.DnsFailed => "dns-failed",
        StatusToken.NoAddresses => "no-addresses",
        StatusToken.NullMx => "null-mx",
        StatusToken.NoMx => "no-mx",
        StatusToken.SrvNotOffered => "srv-not-offered",
        StatusToken.ConnectFailed => "connect-failed",
        StatusToken.Timeout => "timeout",
        StatusToken.OcspMissing => "ocsp-missing",
        StatusToken.OcspRevoked => "ocsp-revoked",
        StatusToken.OcspInvalid => "ocsp-invalid",
        StatusToken.OcspTryLater => "ocsp-trylater",
        StatusToken.StarttlsInjection => "starttls-injection",
        StatusToken.SmtpFailed => "smtp-failed",
        StatusToken.DaneNotApplicable => "dane-not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };
}
