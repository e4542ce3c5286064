using System.Net;
using SmtpDane.Cli;

namespace SmtpDane.Tests.Cli;

public class PortAndTargetTests
{
    [Theory]
    [InlineData("25", 25)]
    [InlineData("025", 25)] // decimal, never octal (the original tool read 21)
    [InlineData("0587", 587)]
    [InlineData("smtp", 25)]
    [InlineData("submission", 587)]
    [InlineData("submissions", 465)]
    [InlineData("SMTP", 25)]
    [InlineData("submission(587)", 587)]
    [InlineData("smtp-alt(2525)", 2525)]
    [InlineData("65535", 65535)]
    public void Ports_parse(string text, int port)
    {
        Assert.True(PortSpec.TryParse(text, out var p, out var err), err);
        Assert.Equal(port, p);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("imap")]
    [InlineData("")]
    [InlineData("smtp(x)")]
    [InlineData("(25)")]
    public void Bad_ports_are_rejected(string text) => Assert.False(PortSpec.TryParse(text, out _, out _));

    public static TheoryData<string, string?, string?, int?> Targets => new()
    {
        { "mx1.example.org", "mx1.example.org", null, null },
        { "mx1.example.org.", "mx1.example.org.", null, null },
        { "mx1.example.org:26", "mx1.example.org", null, 26 },
        { "mx1.example.org:submission", "mx1.example.org", null, 587 },
        { "192.0.2.25", null, "192.0.2.25", null },
        { "192.0.2.25:465", null, "192.0.2.25", 465 },
        { "[2001:db8::25]:1234", null, "2001:db8::25", 1234 },
        { "[2001:db8::25]", null, "2001:db8::25", null },
        { "2001:db8::25", null, "2001:db8::25", null },
        { "::1", null, "::1", null },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Targets_parse(string text, string? name, string? address, int? port)
    {
        var t = TargetParser.Parse(text);
        Assert.Equal(name, t.Name);
        Assert.Equal(address is null ? null : IPAddress.Parse(address), t.Address);
        Assert.Equal(port, t.Port);
    }

    [Theory]
    [InlineData("[2001:db8::25")]
    [InlineData("[2001:db8::25]x")]
    [InlineData("[192.0.2.1]:25")]
    [InlineData("host:")]
    [InlineData(":25")]
    [InlineData("a..b")]
    [InlineData("bad host")]
    [InlineData("host:99999")]
    [InlineData(".")]
    [InlineData("2001:db8::g")]
    [InlineData("mx.m\u00fcnchen.example")]
    [InlineData("300.1.1.1")]
    public void Bad_targets_are_usage_errors(string text) => Assert.Throws<UsageException>(() => TargetParser.Parse(text));

    [Fact]
    public void Over_long_labels_and_names_are_rejected()
    {
        Assert.Throws<UsageException>(() => TargetParser.Parse(new string('a', 64) + ".example"));
        Assert.Throws<UsageException>(() => TargetParser.Parse(string.Join('.', Enumerable.Repeat(new string('a', 60), 5))));
        TargetParser.Parse(new string('a', 63) + ".example");
    }
}
