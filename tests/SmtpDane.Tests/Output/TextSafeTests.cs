using SmtpDane.Output;
using SmtpDane.Probe.Report;

namespace SmtpDane.Tests.Output;

public class TextSafeTests
{
    [Theory]
    [InlineData("plain ascii stays", "plain ascii stays")]
    [InlineData("unicode stays: b\u00fccher.example", "unicode stays: b\u00fccher.example")]
    [InlineData("escape \u001b[31m", "escape \\x1b[31m")]
    [InlineData("newline\r\nforged", "newline\\x0d\\x0aforged")]
    [InlineData("nul \u0000 del \u007f c1 \u009b", "nul \\x00 del \\x7f c1 \\x9b")]
    [InlineData("bidi \u202e override \u2066", "bidi \\u202e override \\u2066")]
    public void Control_and_bidi_characters_become_visible_escapes(string input, string expected) =>
        Assert.Equal(expected, TextSafe.Line(input));

    [Fact]
    public void Dns_facts_print_in_name_then_type_order_whatever_order_they_were_recorded_in()
    {
        static DnsFact Fact(string name, string type) =>
            new(name, type, DnsSecurity.Secure, DnsDenial.None, null, null, null, []);
        var expected = new[]
        {
            // Names compare ordinally after ASCII upper-casing, so '_' (0x5F) sorts after letters.
            Fact("MX.example.", "A"), Fact("mx.example", "AAAA"), Fact("_25._tcp.mx.example", "TLSA"),
        };
        foreach (var order in RichSample.Permutations(expected))
            Assert.Equal(expected, DnsFactLine.Ordered(order));
    }
}
