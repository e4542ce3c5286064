using SmtpDane.Dane;

namespace SmtpDane.Tests.Dane;

public class ReferenceIdentifiersTests
{
    [Theory]
    [InlineData("exact name", "mx.example.com", "mx.example.com", true)]
    [InlineData("case-insensitive", "MX.Example.COM", "mx.example.com", true)]
    [InlineData("trailing dot on the presented name", "mx.example.com.", "mx.example.com", true)]
    [InlineData("trailing dot on the reference name", "mx.example.com", "MX.example.com.", true)]
    [InlineData("different name", "mx2.example.com", "mx.example.com", false)]
    [InlineData("suffix is not a match", "example.com", "mx.example.com", false)]
    [InlineData("wildcard covers one label", "*.example.com", "mx.example.com", true)]
    [InlineData("wildcard does not cover two labels", "*.example.com", "a.b.example.com", false)]
    [InlineData("wildcard does not cover the parent", "*.example.com", "example.com", false)]
    [InlineData("wildcard is case-insensitive", "*.EXAMPLE.com", "Mx.example.COM.", true)]
    [InlineData("partial-label wildcard refused", "m*.example.com", "mx.example.com", false)]
    [InlineData("wildcard not leftmost refused", "mx.*.com", "mx.example.com", false)]
    [InlineData("double wildcard refused", "*.*.example.com", "a.b.example.com", false)]
    [InlineData("wildcard over a single label refused", "*.com", "example.com", false)]
    [InlineData("bare wildcard refused", "*", "example", false)]
    [InlineData("reference name is never a pattern", "mx.example.com", "*.example.com", false)]
    [InlineData("non-ASCII presented name never matches", "mx.exämple.com", "mx.exämple.com", false)]
    [InlineData("empty label refused", "mx..example.com", "mx..example.com", false)]
    public void Presented_identifier_against_reference(string description, string presented, string reference, bool expected) =>
        Assert.True(expected == ReferenceIdentifiers.Matches(presented, reference), description);

    [Fact]
    public void Names_are_normalised_and_deduplicated_in_order()
    {
        var r = new ReferenceIdentifiers("MX.example.com.", "mx.example.com", "", "  ", "example.com");
        Assert.Equal(["mx.example.com", "example.com"], r.Names);
    }

    [Fact]
    public void The_certificate_helper_matches_a_wildcard_san_and_reports_it()
    {
        var root = TestPki.Root();
        var leaf = TestPki.Leaf(root, "ignored.example.org", sans: ["other.example.net", "*.example.com"]);
        var m = new ReferenceIdentifiers("example.com", "mx.example.com").MatchCertificate(leaf.Der);
        Assert.Equal(new NameMatch("mx.example.com", "*.example.com", PresentedNameSource.SubjectAltNameDns), m);
    }

    [Fact]
    public void The_certificate_helper_returns_null_for_non_certificates() =>
        Assert.Null(new ReferenceIdentifiers("mx.example.com").MatchCertificate([0x30, 0x03, 0x02, 0x01, 0x01]));
}
