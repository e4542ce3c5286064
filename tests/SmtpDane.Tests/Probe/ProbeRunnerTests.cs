using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmtpDane.Cli;
using SmtpDane.Dns;
using SmtpDane.Probe;
using SmtpDane.Probe.Report;
using SmtpDane.Smtp;
using SmtpDane.Tls;
using static SmtpDane.Tests.Probe.FakeAnswers;

namespace SmtpDane.Tests.Probe;

/// <summary>The runner's orchestration with an in-memory DNS table and a scripted SMTP side: ordering of
/// lookups, concurrency and the global deadline. (Real servers are exercised by tests/e2e against the lab.)</summary>
public class ProbeRunnerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-04T12:00:00Z");

    private static (byte[] Der, TlsaRecord Tlsa) MakeLeaf(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        req.CertificateExtensions.Add(san.Build());
        using var cert = req.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(365));
        // RFC 6698 §2.1: 3 1 1 = SHA-256 of the DER SubjectPublicKeyInfo.
        var spkiHash = SHA256.HashData(cert.PublicKey.ExportSubjectPublicKeyInfo());
        return (cert.RawData, new TlsaRecord(3, 1, 1, spkiHash));
    }

    private static SmtpProbeResult Completed(byte[] leaf) => new()
    {
        Outcome = SmtpProbeOutcome.Completed,
        Phase = SmtpPhase.Done,
        Detail = "completed",
        Tls = new TlsSessionFacts("TLS 1.3", 0x1302, "TLS_AES_256_GCM_SHA384", 29, "x25519", 0x0403, "ecdsa_secp256r1_sha256", [leaf], null, "mx.example.org"),
    };

    private static ProbeOptions Options(TimeSpan timeout, params string[] targets) => new()
    {
        Targets = targets.Select(TargetParser.Parse).ToList(),
        Mode = TargetMode.Mx,
        Timeout = timeout,
        At = Now,
    };

    [Fact]
    public async Task A_matching_tlsa_record_passes_and_sni_is_the_base_domain()
    {
        var (leaf, tlsa) = MakeLeaf("mx.example.org");
        var dns = new TableLookup()
            .Add(Secure("example.org", RecordType.MX, Mx(10, "mx.example.org")))
            .Add(Secure("mx.example.org", RecordType.A, Ip("192.0.2.1")))
            .Add(Secure("_25._tcp.mx.example.org", RecordType.TLSA, tlsa));
        string? sni = null;
        var runner = new ProbeRunner(dns, Options(TimeSpan.FromSeconds(10), "example.org"), TimeProvider.System,
            smtp: (req, ct) => { sni = req.SniName; return Task.FromResult(Completed(leaf)); });
        var report = await runner.RunAsync(TrustMode.ValidatedFromAnchors, CancellationToken.None);
        var endpoint = Assert.Single(report.AllEndpoints);
        Assert.Equal((StatusToken.Pass, Severity.Ok), (endpoint.Status, endpoint.Severity));
        Assert.Equal(0, endpoint.Tlsa!.Match!.Depth);
        Assert.Equal("mx.example.org", sni);
        Assert.Equal(RunCompletion.Completed, report.Completion);
    }

    [Fact]
    public async Task A_different_key_is_a_tlsa_mismatch()
    {
        var (_, tlsa) = MakeLeaf("mx.example.org");
        var (otherLeaf, _) = MakeLeaf("mx.example.org");
        var dns = new TableLookup()
            .Add(Secure("example.org", RecordType.MX, Mx(10, "mx.example.org")))
            .Add(Secure("mx.example.org", RecordType.A, Ip("192.0.2.1")))
            .Add(Secure("_25._tcp.mx.example.org", RecordType.TLSA, tlsa));
        var runner = new ProbeRunner(dns, Options(TimeSpan.FromSeconds(10), "example.org"), TimeProvider.System,
            smtp: (_, _) => Task.FromResult(Completed(otherLeaf)));
        var report = await runner.RunAsync(TrustMode.ValidatedFromAnchors, CancellationToken.None);
        Assert.Equal(StatusToken.TlsaMismatch, Assert.Single(report.AllEndpoints).Status);
    }

    [Fact]
    public async Task Every_mx_host_and_address_is_probed_concurrently()
    {
        var dns = new TableLookup()
            .Add(Secure("example.org", RecordType.MX, Mx(10, "mx1.example.org"), Mx(20, "mx2.example.org")))
            .Add(Secure("mx1.example.org", RecordType.A, Ip("192.0.2.1")))
            .Add(Secure("mx1.example.org", RecordType.AAAA, Ip("2001:db8::1")))
            .Add(Secure("mx2.example.org", RecordType.A, Ip("192.0.2.2")));
        // Each session waits until all three are in flight: a sequential runner would never get there and
        // would run into the deadline instead.
        var allStarted = new TaskCompletionSource();
        int started = 0;
        var (leaf, _) = MakeLeaf("mx.example.org");
        var runner = new ProbeRunner(dns, Options(TimeSpan.FromSeconds(20), "example.org"), TimeProvider.System,
            smtp: async (_, ct) =>
            {
                if (Interlocked.Increment(ref started) == 3) allStarted.SetResult();
                await allStarted.Task.WaitAsync(ct);
                return Completed(leaf);
            });
        var report = await runner.RunAsync(TrustMode.ValidatedFromAnchors, CancellationToken.None);
        Assert.Equal(RunCompletion.Completed, report.Completion);
        Assert.Equal(3, report.AllEndpoints.Count());
        Assert.All(report.AllEndpoints, e => Assert.Equal(StatusToken.TlsaAbsent, e.Status));
    }

    [Fact]
    public async Task The_global_deadline_reports_unfinished_work_as_timeout_and_returns()
    {
        var dns = new TableLookup()
            .Add(Secure("example.org", RecordType.MX, Mx(10, "mx1.example.org"), Mx(20, "slow.example.org")))
            .Add(Secure("mx1.example.org", RecordType.A, Ip("192.0.2.1")))
            .AddSlow("slow.example.org", RecordType.A);
        var timeout = TimeSpan.FromMilliseconds(500);
        var runner = new ProbeRunner(dns, Options(timeout, "example.org"), TimeProvider.System,
            smtp: async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); throw new InvalidOperationException(); });
        var clock = Stopwatch.StartNew();
        var report = await runner.RunAsync(TrustMode.ValidatedFromAnchors, CancellationToken.None);
        clock.Stop();

        Assert.Equal(RunCompletion.GlobalTimeout, report.Completion);
        Assert.Equal(StatusToken.Timeout, Assert.Single(report.AllEndpoints).Status); // mx1: connected, never answered
        var target = Assert.Single(report.Targets);
        Assert.Contains(target.Findings, f => f.Token == StatusToken.Timeout && f.Message.Contains("slow.example.org"));
        // Generous bound: the point is that it returns soon after the deadline instead of waiting forever.
        Assert.True(clock.Elapsed < timeout + TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Ip_literal_without_a_tlsa_name_says_why_dane_cannot_apply()
    {
        var (leaf, _) = MakeLeaf("mx.example.org");
        var options = Options(TimeSpan.FromSeconds(10), "192.0.2.7") with { Mode = TargetMode.Host };
        var runner = new ProbeRunner(new TableLookup(), options, TimeProvider.System, smtp: (_, _) => Task.FromResult(Completed(leaf)));
        var report = await runner.RunAsync(TrustMode.ValidatedFromAnchors, CancellationToken.None);
        Assert.Equal(StatusToken.DaneNotApplicable, Assert.Single(report.AllEndpoints).Status);
    }

    [Fact]
    public async Task Ip_literal_with_tlsa_name_is_judged_against_that_name()
    {
        var (leaf, tlsa) = MakeLeaf("mx.example.org");
        var dns = new TableLookup().Add(Secure("_25._tcp.mx.example.org", RecordType.TLSA, tlsa));
        var options = Options(TimeSpan.FromSeconds(10), "192.0.2.7") with { Mode = TargetMode.Host, TlsaName = "mx.example.org" };
        var runner = new ProbeRunner(dns, options, TimeProvider.System, smtp: (_, _) => Task.FromResult(Completed(leaf)));
        var report = await runner.RunAsync(TrustMode.ValidatedFromAnchors, CancellationToken.None);
        Assert.Equal(StatusToken.Pass, Assert.Single(report.AllEndpoints).Status);
    }
}
