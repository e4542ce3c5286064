using Org.BouncyCastle.Tls;
using SmtpDane.Smtp;
using SmtpDane.Tests.Smtp;

namespace SmtpDane.Tests.Tls;

/// <summary>The probe against a real Bouncy Castle TLS server: every fact the probe records is compared with what
/// the server was configured to do or actually sent.</summary>
public class TlsHandshakeTests
{
    public static TheoryData<string, LeafKey, string, int, string, int, string, string> Handshakes => new()
    {
        // description, leaf key, version, the one suite the server allows, its IANA name, the one group, its name, expected signature scheme
        { "TLS 1.3, RSA leaf, AES-256 only server", LeafKey.Rsa, "TLS 1.3",
            CipherSuite.TLS_AES_256_GCM_SHA384, "TLS_AES_256_GCM_SHA384", NamedGroup.x25519, "x25519", "rsa_pss_rsae_sha256" },
        { "TLS 1.3, ECDSA leaf, secp384r1 forces a HelloRetryRequest", LeafKey.Ecdsa, "TLS 1.3",
            CipherSuite.TLS_AES_128_GCM_SHA256, "TLS_AES_128_GCM_SHA256", NamedGroup.secp384r1, "secp384r1", "ecdsa_secp256r1_sha256" },
        { "TLS 1.3, ChaCha20", LeafKey.Ecdsa, "TLS 1.3",
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256, "TLS_CHACHA20_POLY1305_SHA256", NamedGroup.secp256r1, "secp256r1", "ecdsa_secp256r1_sha256" },
        { "TLS 1.2, RSA leaf, ECDHE-RSA AES-256", LeafKey.Rsa, "TLS 1.2",
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", NamedGroup.secp256r1, "secp256r1", "rsa_pss_rsae_sha256" },
        { "TLS 1.2, ECDSA leaf, ECDHE-ECDSA ChaCha20 over x25519", LeafKey.Ecdsa, "TLS 1.2",
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", NamedGroup.x25519, "x25519", "ecdsa_sha256" },
        { "TLS 1.2, ECDSA leaf, AES-128 over secp384r1", LeafKey.Ecdsa, "TLS 1.2",
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", NamedGroup.secp384r1, "secp384r1", "ecdsa_sha256" },
        { "TLS 1.2, CBC-only old server", LeafKey.Rsa, "TLS 1.2",
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", NamedGroup.secp256r1, "secp256r1", "rsa_pss_rsae_sha256" },
        // TLS 1.2 ECDSA code points name only the hash (RFC 8446 §4.2.3 legacy meaning), hence "ecdsa_sha256".
        { "TLS 1.2, DHE-RSA over the RFC 7919 group ffdhe2048", LeafKey.Rsa, "TLS 1.2",
            CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", NamedGroup.ffdhe2048, "ffdhe2048", "rsa_pss_rsae_sha256" },
        // Group -1: the server sends the explicit RFC 3526 2048-bit MODP group, which has no name in TLS 1.2;
        // the group our TLS 1.3 key share used (x25519) must not be reported instead.
        { "TLS 1.2, DHE-RSA over an explicit 2048-bit group", LeafKey.Rsa, "TLS 1.2",
            CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", -1, "dh-explicit-2048", "rsa_pss_rsae_sha256" },
    };

    private static ProtocolVersion Version(string v) => v == "TLS 1.3" ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12;

    [Theory]
    [MemberData(nameof(Handshakes))]
    public async Task Starttls_records_exactly_what_the_server_negotiated_and_sent(
        string description, LeafKey key, string version, int suite, string suiteName, int group, string groupName, string scheme)
    {
        var pki = TestPki.For(key);
        var options = group >= 0
            ? new TlsServerOptions(pki, Version(version)) { CipherSuites = new[] { suite }, Groups = new[] { group } }
            : new TlsServerOptions(pki, Version(version)) { CipherSuites = new[] { suite }, ExplicitDhGroup = Org.BouncyCastle.Tls.Crypto.DHStandardGroups.rfc3526_2048 };
        using var server = ScriptedServer.Start(s => s.StandardStarttlsDialogue(options));

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint) with { SniName = "mx.example.test." });
        await server.Completion.WaitAsync(ProbeRunner.TestBound);

        Assert.True(result.Outcome == SmtpProbeOutcome.Completed, $"{description}: {result.Outcome} {result.Detail}");
        var tls = result.Tls!;
        Assert.Equal(version, tls.Version);
        Assert.Equal(suite, tls.CipherSuiteCode);
        Assert.Equal(suiteName, tls.CipherSuite);
        Assert.Equal(groupName, tls.Group);
        Assert.Equal(scheme, tls.SignatureScheme);
        Assert.Equal(new[] { pki.LeafDer, pki.CaDer }, tls.ChainDer);
        Assert.Equal(pki.OcspResponseDer, tls.OcspStaple);
        // RFC 6066 §3: sent without the trailing dot.
        Assert.Equal("mx.example.test", server.Tls!.ReceivedServerName);
        Assert.Equal("mx.example.test", tls.ServerNameSent);
    }

    [Theory]
    [InlineData(LeafKey.Rsa, "TLS 1.3")]
    [InlineData(LeafKey.Ecdsa, "TLS 1.2")]
    public async Task Tls_on_connect_records_chain_and_staple_and_greets_with_the_helo_name(LeafKey key, string version)
    {
        var pki = TestPki.For(key);
        var options = new TlsServerOptions(pki, Version(version));
        using var server = ScriptedServer.Start(s => s.StandardTlsOnConnectDialogue(options));

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint) with
        {
            TlsOnConnect = true, SniName = "mx.example.test", HeloName = "probe.example.net",
        });
        await server.Completion.WaitAsync(ProbeRunner.TestBound);

        Assert.Equal(SmtpProbeOutcome.Completed, result.Outcome);
        Assert.Equal(version, result.Tls!.Version);
        Assert.Equal(new[] { pki.LeafDer, pki.CaDer }, result.Tls.ChainDer);
        Assert.Equal(pki.OcspResponseDer, result.Tls.OcspStaple);
        Assert.Equal(220, result.Banner!.Code);
        Assert.Null(result.EhloBeforeTls);
        Assert.True(result.CapabilitiesAfterTls!.Has("AUTH"));
        Assert.Contains("EHLO probe.example.net", server.Received);
    }

    [Theory]
    [InlineData("TLS 1.3")]
    [InlineData("TLS 1.2")]
    public async Task No_sni_and_no_staple_are_recorded_as_absent(string version)
    {
        var options = new TlsServerOptions(TestPki.For(LeafKey.Ecdsa), Version(version)) { Staple = false };
        using var server = ScriptedServer.Start(s => s.StandardStarttlsDialogue(options));

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));
        await server.Completion.WaitAsync(ProbeRunner.TestBound);

        Assert.Equal(SmtpProbeOutcome.Completed, result.Outcome);
        Assert.Null(result.Tls!.OcspStaple);
        Assert.Null(result.Tls.ServerNameSent);
        Assert.Null(server.Tls!.ReceivedServerName);
    }

    [Fact]
    public async Task Capabilities_are_rebuilt_from_the_post_tls_ehlo_and_helo_name_is_used_on_both()
    {
        var options = new TlsServerOptions(TestPki.For(LeafKey.Ecdsa), ProtocolVersion.TLSv13);
        using var server = ScriptedServer.Start(s => s.StandardStarttlsDialogue(options));

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));
        await server.Completion.WaitAsync(ProbeRunner.TestBound);

        Assert.Equal(SmtpProbeOutcome.Completed, result.Outcome);
        Assert.Equal(new[] { "PIPELINING", "STARTTLS", "8BITMIME" }, result.CapabilitiesBeforeTls!.Keywords);
        Assert.Equal(new[] { "PIPELINING", "SIZE" }, result.CapabilitiesAfterTls!.Keywords);
        Assert.Equal("10240000", result.CapabilitiesAfterTls.Parameters["SIZE"]);
        Assert.Equal(221, result.QuitReply!.Code);
        Assert.Equal(new[] { "EHLO smtpdane.invalid", "STARTTLS", "EHLO smtpdane.invalid", "QUIT" }, server.Received);
        Assert.Equal(0, result.InjectedPlaintextBytes);
    }

    [Fact]
    public async Task Server_alert_is_a_tls_failure_naming_the_alert()
    {
        var options = new TlsServerOptions(TestPki.For(LeafKey.Ecdsa), ProtocolVersion.TLSv13) { FailWithAlert = AlertDescription.handshake_failure };
        using var server = ScriptedServer.Start(s =>
        {
            s.OfferStarttls();
            try { s.AcceptTls(options); } catch (TlsFatalAlert) { }
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));

        Assert.Equal(SmtpProbeOutcome.TlsFailed, result.Outcome);
        Assert.Equal(SmtpPhase.TlsHandshake, result.Phase);
        Assert.Contains("handshake_failure", result.Detail);
        Assert.Null(result.Tls);
    }

    [Fact]
    public async Task Close_in_the_middle_of_the_handshake_is_a_tls_failure()
    {
        using var server = ScriptedServer.Start(s =>
        {
            s.OfferStarttls();
            var hello = new byte[5];
            s.Stream.ReadExactly(hello); // the ClientHello record header, then hang up
            s.SendBytes(new byte[] { 0x16, 0x03, 0x03, 0x00, 0x40, 0x02 }); // a ServerHello record cut short
            s.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));

        Assert.Equal(SmtpProbeOutcome.TlsFailed, result.Outcome);
        Assert.Equal(SmtpPhase.TlsHandshake, result.Phase);
        Assert.Contains("closed", result.Detail);
    }

    [Fact]
    public async Task Injected_plaintext_after_the_starttls_220_is_discarded_counted_and_tls_still_completes()
    {
        var options = new TlsServerOptions(TestPki.For(LeafKey.Ecdsa), ProtocolVersion.TLSv12);
        using var server = ScriptedServer.Start(s =>
        {
            s.OfferStarttls("220 go\r\n250 injected\r\n"); // one write: the CVE-2011-0411 shape
            s.AcceptTls(options);
            s.Expect("EHLO", "250 mx\r\n");
            s.Expect("QUIT", "221 bye\r\n");
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));
        await server.Completion.WaitAsync(ProbeRunner.TestBound);

        Assert.Equal(SmtpProbeOutcome.Completed, result.Outcome);
        Assert.Equal("250 injected\r\n".Length, result.InjectedPlaintextBytes);
        Assert.Equal(new[] { SmtpDane.Probe.StatusToken.StarttlsInjection }, result.StatusTokens());
        Assert.Equal(250, result.EhloAfterTls!.Code);
    }

    [Fact]
    public async Task Tls_on_connect_probe_against_a_plaintext_server_ends_at_once_naming_the_banner()
    {
        using var server = ScriptedServer.Start(s =>
        {
            s.Send("220 mx.example.test ESMTP plain\r\n");
            s.DrainUntilClosed();
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint) with { TlsOnConnect = true, IoTimeout = TimeSpan.FromSeconds(15) });

        Assert.Equal(SmtpProbeOutcome.TlsFailed, result.Outcome);
        Assert.Contains("220 mx.example.test ESMTP plain", result.Detail);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(15), "ended by the deadline, not by detection");
    }

    [Fact]
    public async Task Tls_on_connect_probe_against_a_server_that_answers_500_ends_at_once()
    {
        using var server = ScriptedServer.Start(s =>
        {
            var hello = new byte[5];
            s.Stream.ReadExactly(hello); // the ClientHello arrives as a "command"
            s.Send("500 5.5.2 Error: bad syntax\r\n");
            s.DrainUntilClosed();
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint) with { TlsOnConnect = true, IoTimeout = TimeSpan.FromSeconds(15) });

        Assert.Equal(SmtpProbeOutcome.TlsFailed, result.Outcome);
        Assert.Contains("500 5.5.2", result.Detail);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(15), "ended by the deadline, not by detection");
    }

    [Fact]
    public async Task Starttls_probe_against_a_tls_on_connect_server_times_out_at_the_banner_naming_the_likely_cause()
    {
        // A real implicit-TLS server waits for a ClientHello and says nothing: only the deadline can end this.
        var options = new TlsServerOptions(TestPki.For(LeafKey.Ecdsa), ProtocolVersion.TLSv13);
        using var server = ScriptedServer.Start(s =>
        {
            try { s.AcceptTls(options); } catch (IOException) { }
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint) with { IoTimeout = ProbeRunner.ShortIoTimeout });

        Assert.Equal(SmtpProbeOutcome.Timeout, result.Outcome);
        Assert.Equal(SmtpPhase.Banner, result.Phase);
        Assert.Contains("TLS-on-connect", result.Detail);
    }

    [Fact]
    public async Task Failure_after_the_handshake_keeps_the_tls_facts_for_dane()
    {
        var pki = TestPki.For(LeafKey.Ecdsa);
        var options = new TlsServerOptions(pki, ProtocolVersion.TLSv13);
        using var server = ScriptedServer.Start(s =>
        {
            s.OfferStarttls();
            s.AcceptTls(options);
            s.Expect("EHLO", "554 5.7.0 not after TLS either\r\n");
            s.Expect("HELO", "554 5.7.0 no\r\n");
            s.DrainUntilClosed();
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));

        Assert.Equal(SmtpProbeOutcome.EhloFailed, result.Outcome);
        Assert.Equal(SmtpPhase.EhloAfterTls, result.Phase);
        Assert.Equal(new[] { pki.LeafDer, pki.CaDer }, result.Tls!.ChainDer);
    }

    [Fact]
    public async Task Plaintext_arriving_during_the_starttls_handshake_is_a_tls_failure_saying_so()
    {
        using var server = ScriptedServer.Start(s =>
        {
            s.OfferStarttls();
            s.Stream.ReadExactly(new byte[5]); // the ClientHello is on its way: the client is in the handshake
            s.Send("250 injected late\r\n");
            s.DrainUntilClosed();
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint) with { IoTimeout = TimeSpan.FromSeconds(15) });

        Assert.Equal(SmtpProbeOutcome.TlsFailed, result.Outcome);
        Assert.Contains("250 injected late", result.Detail);
        Assert.Contains("after STARTTLS", result.Detail);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(15), "ended by the deadline, not by detection");
    }

    [Fact]
    public async Task Tls_session_ends_with_close_notify_after_quit()
    {
        var options = new TlsServerOptions(TestPki.For(LeafKey.Ecdsa), ProtocolVersion.TLSv13);
        int endRead = -1;
        using var server = ScriptedServer.Start(s =>
        {
            s.StandardStarttlsDialogue(options);
            // BC's server stream returns 0 only on close_notify; a bare TCP close throws TlsNoCloseNotifyException.
            endRead = s.Stream.Read(new byte[16], 0, 16);
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));
        await server.Completion.WaitAsync(ProbeRunner.TestBound);

        Assert.Equal(SmtpProbeOutcome.Completed, result.Outcome);
        Assert.Equal(0, endRead);
        Assert.Empty(result.StatusTokens());
    }

    [Fact]
    public async Task Server_ignoring_quit_delays_the_result_by_at_most_the_quit_cap()
    {
        var options = new TlsServerOptions(TestPki.For(LeafKey.Ecdsa), ProtocolVersion.TLSv12);
        using var server = ScriptedServer.Start(s =>
        {
            s.OfferStarttls();
            s.AcceptTls(options);
            s.Expect("EHLO", "250 mx\r\n");
            try { s.DrainUntilClosed(); } catch (Exception) { }
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint) with { IoTimeout = TimeSpan.FromSeconds(60) });

        Assert.Equal(SmtpProbeOutcome.Completed, result.Outcome);
        Assert.Null(result.QuitReply);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(60), $"took {result.Elapsed}");
    }

    [Theory]
    [InlineData("TLS 1.3")]
    [InlineData("TLS 1.2")]
    public async Task Chain_is_recorded_as_sent_even_when_not_der(string version)
    {
        // DANE selector 0 hashes the certificate as served; re-encoding would hash different bytes (measured-facts.md).
        var pki = TestPki.For(LeafKey.Ecdsa);
        var options = new TlsServerOptions(pki, Version(version)) { SendBerLeaf = true };
        using var server = ScriptedServer.Start(s => s.StandardStarttlsDialogue(options));

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));
        await server.Completion.WaitAsync(ProbeRunner.TestBound);

        Assert.Equal(SmtpProbeOutcome.Completed, result.Outcome);
        Assert.Equal(pki.LeafBer, result.Tls!.ChainDer[0]);
        Assert.NotEqual(pki.LeafDer.Length, result.Tls.ChainDer[0].Length);
    }

    [Fact]
    public async Task Tls13_client_certificate_demand_fails_after_the_handshake_and_keeps_the_facts()
    {
        // measured-facts.md: under TLS 1.3 the handshake completes on our side and the first read gets the alert.
        var pki = TestPki.For(LeafKey.Ecdsa);
        var options = new TlsServerOptions(pki, ProtocolVersion.TLSv13) { RequireClientCertificate = true };
        using var server = ScriptedServer.Start(s =>
        {
            s.OfferStarttls();
            try { s.AcceptTls(options); } catch (TlsFatalAlert) { }
        });

        var result = await ProbeRunner.RunAsync(ProbeRunner.Request(server.Endpoint));

        Assert.Equal(SmtpProbeOutcome.TlsFailed, result.Outcome);
        Assert.Equal(SmtpPhase.EhloAfterTls, result.Phase);
        Assert.Contains("certificate_required", result.Detail);
        Assert.Equal(new[] { pki.LeafDer, pki.CaDer }, result.Tls!.ChainDer);
    }
}
