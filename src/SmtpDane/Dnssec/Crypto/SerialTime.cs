namespace SmtpDane.Dnssec.Crypto;

/// <summary>RRSIG inception/expiration as 32-bit serial numbers (RFC 4034 §3.1.5, RFC 1982 §3.2): a field
/// value is the point in time nearest to "now" whose low 32 bits of Unix seconds equal it, so the fields keep
/// working after 2106.</summary>
public static class SerialTime
{
    /// <summary>The absolute time a 32-bit RRSIG time field denotes, judged relative to <paramref name="now"/>
    /// (within ±2^31 seconds of it, RFC 4034 §3.1.5).</summary>
    public static DateTimeOffset Resolve(uint field, DateTimeOffset now)
    {
        long nowSeconds = now.ToUnixTimeSeconds();
        int delta = unchecked((int)(field - (uint)nowSeconds)); // RFC 1982 serial difference
        return DateTimeOffset.FromUnixTimeSeconds(nowSeconds + delta);
    }

    /// <summary>True if "now" lies within [inception, expiration] (RFC 4035 §5.3.1: "current time" is not
    /// before inception and not after expiration), with serial arithmetic.</summary>
    public static bool IsWithin(uint inception, uint expiration, DateTimeOffset now)
    {
        uint n = unchecked((uint)now.ToUnixTimeSeconds());
        // RFC 1982: a <= b  iff  (b - a) as signed 32-bit >= 0.
        bool afterInception = unchecked((int)(n - inception)) >= 0;
        bool beforeExpiration = unchecked((int)(expiration - n)) >= 0;
        return afterInception && beforeExpiration;
    }
}
