namespace SmtpDane.Tls;

/// <summary>Reads the TLS 1.3 status_request extension of the leaf's CertificateEntry (RFC 8446 §4.4.2.1), which
/// carries a CertificateStatus structure (RFC 6066 §8): <c>status_type(1) = ocsp(1)</c>, then
/// <c>opaque OCSPResponse&lt;1..2^24-1&gt;</c>. Parsed by hand so the staple bytes are exactly what was sent.</summary>
internal static class OcspStapleReader
{
    private const byte StatusTypeOcsp = 1;

    /// <summary>Returns the OCSPResponse DER, or null and a reason when the extension is malformed.</summary>
    public static byte[]? Read(ReadOnlySpan<byte> extensionData, out string? problem)
    {
        problem = null;
        if (extensionData.Length < 4)
        {
            problem = "status_request extension shorter than its header";
            return null;
        }
        if (extensionData[0] != StatusTypeOcsp)
        {
            problem = $"status_request extension has status_type {extensionData[0]}, not ocsp(1)";
            return null;
        }
        int length = (extensionData[1] << 16) | (extensionData[2] << 8) | extensionData[3];
        if (length == 0 || length != extensionData.Length - 4)
        {
            problem = $"status_request extension declares {length} octets but carries {extensionData.Length - 4}";
            return null;
        }
        return extensionData[4..].ToArray();
    }
}
