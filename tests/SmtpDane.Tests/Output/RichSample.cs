using System.Net;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;
using static SmtpDane.Tests.Output.Sample;

namespace SmtpDane.Tests.Output;

/// <summary>A report that exercises every part of the output: an MX target with four endpoints at two preferences
/// and both address families (one passing with TLS/TLSA details, one warning, one error), a null-MX target with no
/// endpoints, and a host target on port 587. Values are chosen so the expected tallies are easy to state:
/// 5 endpoints, 3 ok, 1 warning, 1 error, 1 target problem; cert_days 5; rrsig_days 2.</summary>
internal static class RichSample
{
    public static readonly Finding Expiring = F(StatusToken.CertExpiring, Severity.Warning, "leaf expires in 5 days");
    public static readonly Finding Mismatch = F(StatusToken.TlsaMismatch, Severity.Error, "no TLSA record matched the chain");
    public static readonly Finding NullMx = F(StatusToken.NullMx, Severity.Error, "domain publishes a null MX (RFC 7505)");

    public static readonly DnsFact MxFact = new("example.org", "MX", DnsSecurity.Secure, DnsDenial.None, null, null,
        T0.AddDays(10), ["10 mx1.example.org.", "20 mx2.example.org."]);
    public static readonly DnsFact HostA = new("host.example", "A", DnsSecurity.Secure, DnsDenial.None, null, null,
        T0.AddDays(2.5), ["192.0.2.99"]);
    public static readonly DnsFact BogusTlsa = new("_25._tcp.mx1.example.org", "TLSA", DnsSecurity.Bogus, DnsDenial.None,
        "signature expired", 7, null, []);

    public static readonly TlsReport Tls = new("TLSv1.3", "TLS_AES_256_GCM_SHA384", "x25519", "ecdsa_secp256r1_sha256",
        ["0 CN=mx1.example.org, issuer CN=Example CA, notAfter 2027-01-11"], "good");
    public static readonly TlsaReport Tlsa = new("mx1.example.org", "_25._tcp.mx1.example.org",
        [new TlsaRecordOutcome("3 1 1 0a1b2c", "matched at depth 0"), new TlsaRecordOutcome("2 1 1 ffee", "no match")],
        new TlsaMatch("3 1 1 0a1b2c", 0));

    public static readonly EndpointReport Mx1V4 = Endpoint("mx1.example.org", "192.0.2.1", 25, 10) with
    {
        Tls = Tls, Tlsa = Tlsa, CertificateExpiry = T0.AddDays(41.2),
    };
    public static readonly EndpointReport Mx1V6 = Endpoint("mx1.example.org", "2001:db8::1", 25, 10, Mismatch) with
    {
        Dns = [BogusTlsa],
    };
    /// <summary>Same host as <see cref="Mx2V6"/> written with other case and a root dot: must sort as the same name.</summary>
    public static readonly EndpointReport Mx2V4 = Endpoint("MX2.example.org.", "192.0.2.2", 25, 20);
    public static readonly EndpointReport Mx2V6 = Endpoint("mx2.example.org", "2001:db8::2", 25, 20, Expiring) with
    {
        CertificateExpiry = T0.AddDays(5.5),
    };
    public static readonly EndpointReport Submission = Endpoint("host.example", "192.0.2.99", 587) with
    {
        Dns = [HostA], CertificateExpiry = T0.AddDays(100),
    };

    /// <summary>The stable order of the MX endpoints, written out by hand from cli.md's rule.</summary>
    public static readonly EndpointReport[] MxInOrder = [Mx1V4, Mx1V6, Mx2V4, Mx2V6];

    public static ProbeReport Build(IReadOnlyList<EndpointReport>? mxEndpoints = null) => Report(
        new TargetReport("example.org", TargetKind.Mx, [], [MxFact], mxEndpoints ?? [Mx2V6, Mx1V6, Mx2V4, Mx1V4]),
        Target("nullmx.example", TargetKind.Mx, [], NullMx),
        new TargetReport("host.example:587", TargetKind.Host, [], [], [Submission]));

    /// <summary>Every permutation of a list (for order-independence tests).</summary>
    public static IEnumerable<List<T>> Permutations<T>(IReadOnlyList<T> items)
    {
        if (items.Count <= 1) { yield return items.ToList(); yield break; }
        for (int i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var p in Permutations(rest)) { p.Insert(0, items[i]); yield return p; }
        }
    }

    public static string Label(EndpointReport e) =>
        e.Host + " " + (e.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? "[" + e.Address + "]" : e.Address.ToString()) + ":" + e.Port;

    public static IPAddress Ip(string s) => IPAddress.Parse(s);
}
