using System.Text;

namespace SmtpDane.Dane;

/// <summary>PEM text of certificates (RFC 7468 §5 "CERTIFICATE" label; §2: base64 in 64-character lines) for
/// -showcerts. The DER is rendered exactly as received.</summary>
public static class CertificatePem
{
    public static string Encode(byte[] der)
    {
        ArgumentNullException.ThrowIfNull(der);
        var b64 = Convert.ToBase64String(der);
        var sb = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
        for (var i = 0; i < b64.Length; i += 64) sb.Append(b64, i, Math.Min(64, b64.Length - i)).Append('\n');
        return sb.Append("-----END CERTIFICATE-----\n").ToString();
    }

    public static string EncodeChain(IReadOnlyList<byte[]> chainDer) => string.Concat(chainDer.Select(Encode));
}
