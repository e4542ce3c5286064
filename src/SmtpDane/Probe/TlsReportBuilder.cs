using SmtpDane.Dane;
using SmtpDane.Probe.Report;
using SmtpDane.Tls;

namespace SmtpDane.Probe;

/// <summary>Maps the TLS layer's recorded facts (and the certificate summaries) to the report's text form.</summary>
public static class TlsReportBuilder
{
    public static TlsReport Build(TlsSessionFacts t, OcspResult? ocsp) =>
        new(t.Version, t.CipherSuite, t.Group, t.SignatureScheme,
            CertificateSummary.FromChain(t.ChainDer).Select(ChainLine).ToList(),
            ocsp is null ? null : OcspText(ocsp));

    /// <summary>One line per served certificate, as sent: depth, subject, key, expiry.</summary>
    private static string ChainLine(CertificateSummary c) => c.Status == CertificateSummaryStatus.Parsed
        ? $"depth {c.Depth}: {c.Subject} ({c.KeyDescription}), not after {ReportTime.Format(c.NotAfter)}"
        : $"depth {c.Depth}: unparseable certificate, SHA-256 {c.CertificateSha256Hex}";

    /// <summary>-show-cert-info: what an operator needs to check or roll TLSA records, per certificate.</summary>
    public static IReadOnlyList<string> CertificateInfo(IReadOnlyList<byte[]> chainDer)
    {
        var lines = new List<string>();
        foreach (var c in CertificateSummary.FromChain(chainDer))
        {
            lines.Add($"certificate depth {c.Depth}:");
            if (c.Status == CertificateSummaryStatus.Parsed)
            {
                lines.Add($"  subject: {c.Subject}");
                lines.Add($"  issuer: {c.Issuer}");
                lines.Add($"  serial: {c.SerialHex}");
                if (c.DnsNames.Count > 0) lines.Add($"  DNS names: {string.Join(", ", c.DnsNames)}");
                lines.Add($"  valid: {ReportTime.Format(c.NotBefore)} to {ReportTime.Format(c.NotAfter)}");
                lines.Add($"  key: {c.KeyDescription}");
            }
            else lines.Add("  (the certificate could not be parsed)");
            if (c.SpkiSha256Hex is not null) lines.Add($"  SPKI SHA-256: {c.SpkiSha256Hex}");
            lines.Add($"  certificate SHA-256: {c.CertificateSha256Hex}");
            foreach (var r in c.MatchingTlsa) lines.Add($"  matching TLSA: {r}");
        }
        return lines;
    }

    private static string OcspText(OcspResult o) => o.Status switch
    {
        OcspStatus.Missing => "no staple",
        OcspStatus.Good => $"good (this update {ReportTime.Format(o.ThisUpdate)}, next update {ReportTime.Format(o.NextUpdate)})",
        OcspStatus.Revoked => $"revoked at {ReportTime.Format(o.RevocationTime)}",
        OcspStatus.Invalid => $"invalid: {o.InvalidReason}",
        _ => o.Status.ToString().ToLowerInvariant(),
    };

}
