using SmtpDane.Probe.Report;
using SmtpDane.Tls;

namespace SmtpDane.Probe;

/// <summary>Maps the TLS layer's recorded facts to the report's text form.</summary>
public static class TlsReportBuilder
{
    public static TlsReport Build(TlsSessionFacts t) =>
        new(t.Version, t.CipherSuite, t.Group, t.SignatureScheme,
            t.ChainDer.Select((der, i) => $"depth {i}: {der.Length} bytes").ToList(),
            null);
}
