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
