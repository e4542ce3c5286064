using System.Net;
using SmtpDane.Cli;
using SmtpDane.Output;

namespace SmtpDane.Tests.Cli;

public class CommandLineTests
{
    private static ProbeOptions Parse(params string[] args)
    {
        var c = CommandLine.Parse(args);
        Assert.Equal(CommandKind.Probe, c.Kind);
        return c.Options!;
    }

    [Fact]
    public void Defaults_match_the_contract()
    {
        var o = Parse("mx1.example.org");
        Assert.Equal(TargetMode.Host, o.Mode);
        Assert.Equal(25, o.Port);
        Assert.Equal("smtpdane.invalid", o.Helo);
        Assert.Equal(TimeSpan.FromSeconds(10), o.ConnectTimeout);
        Assert.Equal(TimeSpan.FromHours(168), o.ExpirationWarning);
        Assert.Equal(DnssecMode.Validate, o.Dnssec);
        Assert.Equal(OutputMode.Text, o.Output);
        Assert.Equal(AddressFamilyFilter.Any, o.Family);
        Assert.False(o.TlsOnConnect);
        Assert.Empty(o.Aka);
        Assert.Null(o.At);
    }

    // Each spelling Go's flag package accepts must mean the same thing here.
    [Theory]
    [InlineData("-port", "26")]
    [InlineData("--port", "26")]
    [InlineData("-port=26")]
    [InlineData("--port=26")]
    [InlineData("-p", "26")]
    [InlineData("-p=026")]
    public void Value_flags_accept_every_go_spelling(params string[] flag)
    {
        var o = Parse([.. flag, "mx1.example.org"]);
        Assert.Equal(26, o.Port);
    }

    [Theory]
    [InlineData(true, "-mx")]
    [InlineData(true, "--mx")]
    [InlineData(true, "-mx=true")]
    [InlineData(true, "-mx=1")]
    [InlineData(true, "-mx=T")]
    [InlineData(false, "-mx=false")]
    [InlineData(false, "-mx=0")]
    [InlineData(false, "--mx=F")]
    [InlineData(false, "-mx", "-mx=false")] // the last occurrence wins, as in Go
    public void Bool_flags_accept_presence_and_explicit_values(bool expected, params string[] flags)
    {
        var o = Parse([.. flags, "example.org"]);
        Assert.Equal(expected ? TargetMode.Mx : TargetMode.Host, o.Mode);
    }

    [Fact]
    public void Repeatable_flags_keep_every_value_in_order()
    {
        var o = Parse("-aka", "a.example.net", "-aka=b.example.net", "--aka", "c.example.net", "mail.example.org");
        Assert.Equal(["a.example.net", "b.example.net", "c.example.net"], o.Aka);
        var r = Parse("-resolver", "[::1]:5353", "-resolver=127.0.0.1", "x.example");
        Assert.Equal(["[::1]:5353", "127.0.0.1"], r.Resolvers);
    }

    [Fact]
    public void Double_dash_ends_flags()
    {
        var o = Parse("-mx", "--", "example.org", "example.net");
        Assert.Equal(["example.org", "example.net"], o.Targets.Select(t => t.Name));
    }

    [Fact]
    public void Flags_may_follow_targets()
    {
        var o = Parse("example.org", "-mx");
        Assert.Equal(TargetMode.Mx, o.Mode);
    }

    [Fact]
    public void Every_flag_in_the_table_parses()
    {
        foreach (var f in FlagTable.All)
        {
            foreach (var name in new[] { f.Name }.Concat(f.Aliases))
            {
                string[] args = f.Kind == FlagKind.Bool ? [$"-{name}"] : [$"-{name}", SampleValue(f)];
                var c = CommandLine.Parse([.. args, "mx1.example.org"]);
                Assert.True(c.Kind != CommandKind.Probe || c.Options is not null, name);
            }
        }
    }

    private static string SampleValue(FlagSpec f) => f.Name switch
    {
        "srv" => "submission",
        "port" => "2525",
        "helo" or "aka" or "tlsa-name" => "mail.example.org",
        "proxy-tcp" => "socks5://127.0.0.1:1080",
        "resolver" => "127.0.0.1:53",
        "dnssec" => "resolver",
        "trust-anchor" => "/etc/smtpdane/root.key",
        "at" => "2026-12-04T12:00:00Z",
        _ when f.ValueName == "DURATION" => "90s",
        _ => throw new InvalidOperationException($"no sample value for -{f.Name}: add one when adding a flag"),
    };

    [Fact]
    public void Every_option_reaches_probe_options()
    {
        var o = Parse("-srv", "_xmpp._tcp", "-port", "smtp(2525)", "-tls-on-connect", "-6", "-helo", "probe.example",
            "-aka", "a.example", "-connect-timeout", "3s", "-expiration-warning", "2232h", "-expect-ocsp",
            "-show-cert-info", "-showcerts", "-nocertnames", "-q", "-terse", "-nocolor", "-debug",
            "-proxy-tcp", "socks5://[::1]:9050", "-resolver", "127.0.0.53", "-dnssec", "resolver",
            "-trust-anchor", "anchors.txt", "-tlsa-name", "mx.example", "-at", "2026-01-02T03:04:05+01:00",
            "-rrsig-expiration-warning", "48h", "-timeout", "30s", "example.org:2600");
        Assert.Equal(TargetMode.Srv, o.Mode);
        Assert.Equal("xmpp", o.SrvService);
        Assert.Equal(2525, o.Port);
        Assert.True(o.TlsOnConnect);
        Assert.Equal(AddressFamilyFilter.IPv6Only, o.Family);
        Assert.Equal("probe.example", o.Helo);
        Assert.Equal(TimeSpan.FromSeconds(3), o.ConnectTimeout);
        Assert.Equal(TimeSpan.FromHours(2232), o.ExpirationWarning);
        Assert.True(o.ExpectOcsp && o.ShowCertInfo && o.ShowCerts && o.NoCertNames && o.Quiet && o.NoColor && o.Debug);
        Assert.Equal(OutputMode.Text, o.Output);
        Assert.True(o.Terse);
        Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, 9050), o.ProxyTcp);
        Assert.Equal(DnssecMode.Resolver, o.Dnssec);
        Assert.Equal("anchors.txt", o.TrustAnchorFile);
        Assert.Equal("mx.example", o.TlsaName);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 2, 4, 5, TimeSpan.Zero), o.At);
        Assert.Equal(TimeSpan.FromHours(48), o.RrsigExpirationWarning);
        Assert.Equal(TimeSpan.FromSeconds(30), o.Timeout);
        Assert.Equal(2600, o.Targets[0].Port);
    }

    [Fact]
    public void Submission_flags_select_srv_services()
    {
        var s = Parse("-submission", "example.org");
        Assert.Equal(("submission", false), (s.SrvService, s.TlsOnConnect));
        var ss = Parse("-submissions", "example.org");
        Assert.Equal(("submissions", true), (ss.SrvService, ss.TlsOnConnect));
    }

    [Fact]
    public void Nagios_implies_no_colour_and_its_own_output()
    {
        var o = Parse("-nagios", "-terse", "mx.example.org");
        Assert.Equal(OutputMode.Nagios, o.Output);
        Assert.True(o.NoColor);
    }

    [Fact]
    public void Help_and_version_are_recognised_in_every_spelling()
    {
        foreach (var h in new[] { "-help", "--help", "-h" }) Assert.Equal(CommandKind.Help, CommandLine.Parse([h]).Kind);
        foreach (var v in new[] { "-version", "--version", "-version=true" }) Assert.Equal(CommandKind.Version, CommandLine.Parse([v]).Kind);
    }

    // Every original README example (../shared/seed-smtpdane-README.txt "Examples") must parse with its meaning.
    [Fact]
    public void Original_readme_examples_parse()
    {
        Assert.Equal(TargetMode.Host, Parse("mx1.example.org").Mode);
        Assert.Equal(TargetMode.Mx, Parse("-mx", "example.org").Mode);
        Assert.Equal("submission", Parse("-submission", "example.org").SrvService);
        var v4 = Parse("-4", "-port", "26", "mx1.example.org");
        Assert.Equal((AddressFamilyFilter.IPv4Only, 26), (v4.Family, v4.Port));
        var toc = Parse("-port", "465", "-tls-on-connect", "smtp.example.org");
        Assert.Equal((465, true), (toc.Port, toc.TlsOnConnect));
        var sub = Parse("-tls-on-connect", "-submission", "example.org:465");
        Assert.Equal((true, "submission", (int?)465), (sub.TlsOnConnect, sub.SrvService, sub.Targets[0].Port));
        Assert.Equal(["mail.example.net"], Parse("-aka", "mail.example.net", "mail.example.org").Aka);
        Assert.True(Parse("-show-cert-info", "-mx", "example.org").ShowCertInfo);
        Assert.Equal(TimeSpan.FromHours(3 * 31 * 24), Parse("-expiration-warning", $"{3 * 31 * 24}h", "-mx", "example.org").ExpirationWarning);
        Assert.True(Parse("-expect-ocsp", "-mx", "example.org").ExpectOcsp);
        var n = Parse("-nagios", "-expect-ocsp", "-mx", "spodhuis.org");
        Assert.Equal((OutputMode.Nagios, true, TargetMode.Mx), (n.Output, n.ExpectOcsp, n.Mode));
    }
}
