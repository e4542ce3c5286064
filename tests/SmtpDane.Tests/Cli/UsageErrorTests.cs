using SmtpDane.Cli;

namespace SmtpDane.Tests.Cli;

public class UsageErrorTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Entry.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    // Each row: the command line, and a fragment the one-line message must contain (naming the culprit).
    public static TheoryData<string[], string> Errors => new()
    {
        { ["-mx", "-srv", "x", "example.org"], "-mx and -srv" },
        { ["-mx", "-submission", "example.org"], "-mx and -submission" },
        { ["-submission", "-submissions", "example.org"], "-submission and -submissions" },
        { ["-4", "-6", "mx.example.org"], "-4 and -6" },
        { ["-bogus", "mx.example.org"], "-bogus" },
        { ["-port"], "-port" },
        { ["-port", "99999", "mx.example.org"], "-port" },
        { ["-port=abc", "mx.example.org"], "-port" },
        { ["-mx=maybe", "example.org"], "-mx" },
        { ["-connect-timeout", "10", "mx.example.org"], "-connect-timeout" },
        { ["-connect-timeout", "0s", "mx.example.org"], "-connect-timeout" },
        { ["-timeout", "-1s", "mx.example.org"], "-timeout" },
        { ["-expiration-warning", "7d", "mx.example.org"], "-expiration-warning" },
        { ["-rrsig-expiration-warning", "x", "mx.example.org"], "-rrsig-expiration-warning" },
        { ["-dnssec", "maybe", "mx.example.org"], "-dnssec" },
        { ["-resolver", "dns.example", "mx.example.org"], "-resolver" },
        { ["-proxy-tcp", "http://127.0.0.1:8080", "mx.example.org"], "-proxy-tcp" },
        { ["-proxy-tcp", "socks5://proxy.example:1080", "mx.example.org"], "-proxy-tcp" },
        { ["-at", "yesterday", "mx.example.org"], "-at" },
        { ["-at", "2026-12-04T12:00:00", "mx.example.org"], "-at" },
        { ["-aka", "not a name", "mx.example.org"], "-aka" },
        { ["-helo", "two words", "mx.example.org"], "-helo" },
        { ["-srv", "_x y", "example.org"], "-srv" },
        { ["-mx", "192.0.2.1"], "192.0.2.1" },
        { [], "no target" },
        { ["-mx"], "no target" },
        { ["bad..name"], "bad..name" },
        { ["---mx", "x"], "---mx" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Usage_errors_exit_2_with_one_line_on_stderr(string[] args, string fragment)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(fragment, stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", stderr); // no stack trace
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Usage_errors_in_nagios_mode_are_unknown_on_stdout(string[] args, string fragment)
    {
        // -nagios=true is spelled so that it can sit beside the -json conflict row without changing its meaning.
        var (code, stdout, stderr) = Run(["-nagios=true", .. args]);
        Assert.Equal(3, code);
        Assert.Equal("", stderr);
        Assert.StartsWith("SMTPDANE UNKNOWN - ", stdout);
        Assert.Contains(fragment, stdout);
        Assert.Single(stdout.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Json_with_nagios_is_a_conflict_reported_the_nagios_way()
    {
        var (code, stdout, _) = Run("-json", "-nagios", "mx.example.org");
        Assert.Equal(3, code);
        Assert.StartsWith("SMTPDANE UNKNOWN - ", stdout);
        Assert.Contains("-json and -nagios", stdout);
    }

    [Fact]
    public void Help_lists_every_flag_with_its_default()
    {
        var (code, stdout, _) = Run("-help");
        Assert.Equal(0, code);
        foreach (var f in FlagTable.All)
        {
            Assert.Contains("-" + f.Name, stdout);
            if (f.Kind != FlagKind.Bool && f.Default.Length > 0) Assert.Contains($"(default {f.Default})", stdout);
        }
    }

    [Fact]
    public void Version_names_the_runtime_and_every_dependency()
    {
        var (code, stdout, _) = Run("-version");
        Assert.Equal(0, code);
        Assert.Matches(@"^smtpdane \d+\.\d+\.\d+ \(commit [0-9a-f]+|unknown\)", stdout);
        Assert.Contains(".NET", stdout);
        Assert.Contains("BouncyCastle.Cryptography 2.7.0", stdout);
        Assert.Contains("ConsoleAppFramework 5.8.1", stdout);
        Assert.Contains("DnsClient", stdout);
    }
}
