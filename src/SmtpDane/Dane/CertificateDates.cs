namespace SmtpDane.Dane;

/// <summary>Where "now" falls in a certificate's validity period (RFC 5280 §4.1.2.5: both ends inclusive).</summary>
internal enum DateStatus
{
    Valid,
    /// <summary>Still valid, but notAfter falls within the expiration-warning window.</summary>
    Expiring,
    Expired,
    NotYetValid,
}

internal static class CertificateDates
{
    /// <summary><paramref name="warning"/> of zero (or less) disables the Expiring state (cli.md: "0s disables").</summary>
    public static DateStatus Check(ParsedCertificate c, DateTimeOffset now, TimeSpan warning)
    {
        if (now < c.NotBefore) return DateStatus.NotYetValid;
        if (now > c.NotAfter) return DateStatus.Expired;
        if (warning > TimeSpan.Zero && c.NotAfter - now <= warning) return DateStatus.Expiring;
        return DateStatus.Valid;
    }
}
