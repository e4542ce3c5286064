using SmtpDane.Dns;

namespace SmtpDane.Tests.Dns;

public class DnsNameTests
{
    [Theory]
    [InlineData("plain name, trailing dot optional", "example.com", "example.com.", 2)]
    [InlineData("trailing dot", "example.com.", "example.com.", 2)]
    [InlineData("root", ".", ".", 0)]
    [InlineData("\\DDD escape of a dot stays inside the label", "a\\046b.example.", "a\\.b.example.", 2)]
    [InlineData("\\X escape of a dot", "a\\.b.example.", "a\\.b.example.", 2)]
    [InlineData("\\DDD of a space prints as \\032", "a\\032b.", "a\\032b.", 1)]
    [InlineData("case is preserved for display", "ExAmPle.COM.", "ExAmPle.COM.", 2)]
    [InlineData("wildcard label", "*.example.", "*.example.", 2)]
    [InlineData("\\255 is the highest octet", "\\255.", "\\255.", 1)]
    public void Parses_presentation_form(string description, string text, string expected, int labels)
    {
        var n = DnsName.Parse(text);
        Assert.True(expected == n.ToString(), description);
        Assert.Equal(labels, n.LabelCount);
    }

    [Theory]
    [InlineData("empty", "")]
    [InlineData("empty label in the middle", "a..b.")]
    [InlineData("leading dot", ".a.")]
    [InlineData("\\DDD above 255", "\\256.")]
    [InlineData("\\DD with only two digits", "\\12.")]
    [InlineData("dangling backslash", "abc\\")]
    [InlineData("space must be escaped", "a b.")]
    [InlineData("non-ASCII must be escaped", "é.")]
    public void Rejects_invalid_presentation_form(string description, string text)
    {
        Assert.False(DnsName.TryParse(text, out _, out var error), description);
        Assert.NotEmpty(error);
        Assert.Throws<DnsNameFormatException>(() => DnsName.Parse(text));
    }

    [Fact]
    public void Label_of_63_octets_is_accepted_and_64_rejected()
    {
        Assert.Equal(1, DnsName.Parse(new string('a', 63) + ".").LabelCount);
        Assert.Throws<DnsNameFormatException>(() => DnsName.Parse(new string('a', 64) + "."));
    }

    [Fact]
    public void Name_of_255_octets_is_accepted_and_256_rejected()
    {
        // 4 labels of 63 = 4*64 = 256 octets + root = 257: too long. 3*64 + (1+61) + 1 = 255: fits.
        string l63 = new('a', 63);
        var ok = $"{l63}.{l63}.{l63}.{new string('b', 61)}.";
        Assert.Equal(255, DnsName.Parse(ok).WireLength);
        var bad = $"{l63}.{l63}.{l63}.{new string('b', 62)}.";
        Assert.Throws<DnsNameFormatException>(() => DnsName.Parse(bad));
    }

    [Fact]
    public void Relative_names_take_the_origin()
    {
        var origin = DnsName.Parse("example.com.");
        Assert.Equal("www.example.com.", DnsName.Parse("www", origin).ToString());
        Assert.Equal("www.", DnsName.Parse("www.", origin).ToString());
    }

    [Fact]
    public void Equality_and_hash_ignore_ASCII_case_only()
    {
        var a = DnsName.Parse("WWW.Example.COM");
        var b = DnsName.Parse("www.example.com.");
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        // RFC 4343 §3: octets outside A-Z are not folded (\195 is not \227).
        Assert.NotEqual(DnsName.Parse("\\195."), DnsName.Parse("\\227."));
        Assert.NotEqual(DnsName.Parse("a.example."), DnsName.Parse("a.example.com."));
    }

    [Fact]
    public void Canonical_wire_form_is_lower_case_uncompressed()
    {
        var n = DnsName.Parse("Www.EXAMPLE.");
        Assert.Equal(Convert.FromHexString("03577777074558414D504C4500"), n.ToWire());
        Assert.Equal(Convert.FromHexString("03777777076578616D706C6500"), n.ToCanonicalWire());
        Assert.Equal(new byte[] { 0 }, DnsName.Root.ToCanonicalWire());
    }

    [Fact]
    public void Canonical_order_is_the_RFC_4034_section_6_1_example()
    {
        // RFC 4034 §6.1, the names in the order the RFC lists them.
        string[] expected =
        [
            "example.", "a.example.", "yljkjljk.a.example.", "Z.a.example.", "zABC.a.EXAMPLE.", "z.example.",
            "\\001.z.example.", "*.z.example.", "\\200.z.example.",
        ];
        var shuffled = expected.Reverse().Select(DnsName.Parse).ToList();
        (shuffled[2], shuffled[5]) = (shuffled[5], shuffled[2]);
        var sorted = shuffled.OrderBy(n => n, DnsName.CanonicalComparer).Select(n => n.ToString());
        Assert.Equal(expected, sorted);
    }

    [Fact]
    public void Subdomain_test_is_by_label_not_by_string_suffix()
    {
        var parent = DnsName.Parse("example.com.");
        Assert.True(DnsName.Parse("a.b.EXAMPLE.com").IsSubdomainOf(parent));
        Assert.True(parent.IsSubdomainOf(parent));
        Assert.True(parent.IsSubdomainOf(DnsName.Root));
        Assert.False(DnsName.Parse("badexample.com.").IsSubdomainOf(parent));
        Assert.False(DnsName.Parse("com.").IsSubdomainOf(parent));
    }

    [Fact]
    public void Parent_suffix_prepend_and_wildcard()
    {
        var n = DnsName.Parse("a.b.example.");
        Assert.Equal(DnsName.Parse("b.example."), n.Parent);
        Assert.Null(DnsName.Root.Parent);
        Assert.Equal(DnsName.Root, DnsName.Parse("com.").Parent);
        Assert.Equal(DnsName.Parse("example."), n.Suffix(1));
        var wc = DnsName.Parse("example.").Prepend("*"u8);
        Assert.True(wc.IsWildcard);
        Assert.Equal("*.example.", wc.ToString());
        Assert.False(n.IsWildcard);
    }

    [Fact]
    public void Special_characters_are_escaped_in_output_and_round_trip()
    {
        var n = DnsName.FromLabels([[(byte)'a', (byte)'"', (byte)';', (byte)'(', 0x00, 0x7F, (byte)'\\']]);
        Assert.Equal("a\\\"\\;\\(\\000\\127\\\\.", n.ToString());
        Assert.Equal(n, DnsName.Parse(n.ToString()));
        Assert.Equal(n.ToWire(), DnsName.Parse(n.ToString()).ToWire());
    }
}
