using System.Net;
using SmtpDane.Dns.Transport;

namespace SmtpDane.Tests.Dns.Transport;

public class ResolverConfigurationTests
{
    [Theory]
    [InlineData("IPv4 without port", "192.0.2.1", "192.0.2.1:53")]
    [InlineData("IPv4 with port", "192.0.2.1:5353", "192.0.2.1:5353")]
    [InlineData("port with leading zero is decimal", "192.0.2.1:053", "192.0.2.1:53")]
    [InlineData("bare IPv6", "2001:db8::1", "[2001:db8::1]:53")]
    [InlineData("bracketed IPv6 with port", "[2001:db8::1]:5353", "[2001:db8::1]:5353")]
    [InlineData("bracketed IPv6 without port", "[::1]", "[::1]:53")]
    public void Resolver_addresses_parse(string description, string text, string expected)
    {
        Assert.True(ResolverEndpoint.TryParse(text, out var ep, out var err), $"{description}: {err}");
        Assert.Equal(IPEndPoint.Parse(expected), ep);
    }

    [Theory]
    [InlineData("host name", "dns.example")]
    [InlineData("host name with port", "localhost:53")]
    [InlineData("IPv4 shorthand", "127.1")]
    [InlineData("port zero", "192.0.2.1:0")]
    [InlineData("port too large", "192.0.2.1:65536")]
    [InlineData("unclosed bracket", "[::1:53")]
    [InlineData("IPv4 in brackets", "[192.0.2.1]:53")]
    [InlineData("empty port", "192.0.2.1:")]
    public void Bad_resolver_addresses_are_refused(string description, string text)
    {
        Assert.False(ResolverEndpoint.TryParse(text, out _, out var err), description);
        Assert.NotEmpty(err);
    }

    private const string Conf = """
        # comment
        ; also a comment
        search example.com
        nameserver 192.0.2.53
        nameserver 2001:db8::53
        nameserver not-an-ip
        options timeout:2 attempts:3 rotate ndots:1
        """;

    [Fact]
    public void Resolv_conf_nameservers_and_options()
    {
        var c = ResolvConf.Parse(Conf);
        Assert.Equal([IPEndPoint.Parse("192.0.2.53:53"), IPEndPoint.Parse("[2001:db8::53]:53")], c.Servers);
        Assert.Equal(2, c.TimeoutSeconds);
        Assert.Equal(3, c.Attempts);
        Assert.True(c.Rotate);
        Assert.Single(c.Warnings);
    }

    [Fact]
    public void Resolv_conf_option_values_are_capped_like_glibc()
    {
        var c = ResolvConf.Parse("nameserver 192.0.2.1\noptions timeout:999 attempts:99");
        Assert.Equal(30, c.TimeoutSeconds);
        Assert.Equal(5, c.Attempts);
    }

    [Theory]
    [InlineData("command line wins over env and file", new[] { "198.51.100.1" }, "203.0.113.1", ResolverSource.CommandLine, "198.51.100.1:53")]
    [InlineData("command line comma list", new[] { "198.51.100.1,198.51.100.2:5353" }, null, ResolverSource.CommandLine, "198.51.100.1:53|198.51.100.2:5353")]
    [InlineData("env wins over file", new string[0], "203.0.113.1 [::1]:5300", ResolverSource.Environment, "203.0.113.1:53|[::1]:5300")]
    [InlineData("file when nothing else", null, null, ResolverSource.ResolvConf, "192.0.2.53:53|[2001:db8::53]:53")]
    [InlineData("blank env falls to file", null, "  ", ResolverSource.ResolvConf, "192.0.2.53:53|[2001:db8::53]:53")]
    public void Precedence_is_command_line_then_env_then_resolv_conf(string description, string[]? cli, string? env,
        ResolverSource source, string expected)
    {
        Assert.True(ResolverConfigurationBuilder.TryBuild(cli, env, Conf, out var cfg, out var err), $"{description}: {err}");
        Assert.Equal(source, cfg.Source);
        Assert.Equal(expected.Split('|').Select(IPEndPoint.Parse), cfg.Servers);
        Assert.Equal(TimeSpan.FromSeconds(2), cfg.Timeout);   // options still come from resolv.conf
        Assert.Equal(3, cfg.Attempts);
    }

    [Fact]
    public void Defaults_apply_without_resolv_conf_options()
    {
        Assert.True(ResolverConfigurationBuilder.TryBuild(["192.0.2.1"], null, null, out var cfg, out _));
        Assert.Equal(TimeSpan.FromSeconds(5), cfg.Timeout);
        Assert.Equal(2, cfg.Attempts);
        Assert.False(cfg.Rotate);
    }

    [Theory]
    [InlineData("nothing anywhere, file unreadable", null, null, null, ResolverConfigurationErrorKind.UnreadableResolvConf)]
    [InlineData("file without nameserver", null, null, "search example.com\n", ResolverConfigurationErrorKind.NoResolver)]
    [InlineData("host name on the command line", new[] { "dns.google" }, null, Conf, ResolverConfigurationErrorKind.InvalidResolverAddress)]
    [InlineData("bad env entry is an error, not a fall-through", null, "192.0.2.1,resolver", Conf, ResolverConfigurationErrorKind.InvalidResolverAddress)]
    public void No_usable_resolver_is_a_typed_error_never_a_public_fallback(string description, string[]? cli, string? env,
        string? file, ResolverConfigurationErrorKind kind)
    {
        Assert.False(ResolverConfigurationBuilder.TryBuild(cli, env, file, out var cfg, out var err), description);
        Assert.Equal(kind, err!.Kind);
        Assert.Empty(cfg.Servers);
        Assert.Equal(SmtpDane.Dns.DnsProblemKind.NoResolverConfigured, err.ToProblem().Kind);
    }
}
