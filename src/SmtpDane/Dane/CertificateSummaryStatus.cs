namespace SmtpDane.Dane;

/// <summary>Whether the summary could read the certificate's fields.</summary>
public enum CertificateSummaryStatus
{
    Parsed,
    /// <summary>Not decodable by Bouncy Castle; only the hashes (and, if the key could be cut out, the SPKI hash)
    /// are filled in.</summary>
    Unparseable,
}
