namespace SmtpDane.Dane;

/// <summary>Judges a certificate's validity period against an injected clock.</summary>
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
