namespace SmtpDane.Dnssec.Crypto;

/// <summary>RRSIG inception/expiration checks with 32-bit serial-number arithmetic (RFC 4034 §3.1.5, RFC 1982 §3.2),
/// so the fields keep working after 2106. Converting a field to an instant is SmtpDane.Dns.SerialTime.Resolve.</summary>
public static class ValidityWindow
{
    /// <summary>True if "now" lies within [inception, expiration] (RFC 4035 §5.3.1).</summary>
    public static bool IsWithin(uint inception, uint expiration, DateTimeOffset now) =>
        !IsBeforeInception(inception, now) && !IsExpired(expiration, now);

    /// <summary>RFC 1982: a &lt; b iff (b − a) as a signed 32-bit number is positive.</summary>
    public static bool IsExpired(uint expiration, DateTimeOffset now) =>
        unchecked((int)(expiration - (uint)now.ToUnixTimeSeconds())) < 0;

    public static bool IsBeforeInception(uint inception, DateTimeOffset now) =>
        unchecked((int)((uint)now.ToUnixTimeSeconds() - inception)) < 0;
}
