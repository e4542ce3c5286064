namespace SmtpDane.Tls;

/// <summary>Process-wide Bouncy Castle configuration, applied once before any key is built.</summary>
public static class BouncyCastleSetup
{
    private static int _configured;

    /// <summary>Bouncy Castle's <c>RsaKeyParameters</c> runs Miller-Rabin tests on every RSA modulus it meets
    /// (≈ 14 ms per key, measured-facts.md), which makes every handshake with an RSA leaf cost ~17 ms of CPU.
    /// A primality check buys nothing when we only verify signatures, so it is switched off. BC reads the variable
    /// when it first builds a key, so this must run before any TLS or certificate work; the CLI calls it at start and
    /// the TLS client calls it again (idempotent).</summary>
    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1) return;
        Environment.SetEnvironmentVariable("Org.BouncyCastle.Rsa.MaxMRTests", "0");
    }
}
