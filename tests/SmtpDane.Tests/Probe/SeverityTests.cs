using SmtpDane.Probe;

namespace SmtpDane.Tests.Probe;

public class SeverityTests
{
    [Theory]
    [InlineData(Severity.Ok, Severity.Ok, Severity.Ok)]
    [InlineData(Severity.Ok, Severity.Warning, Severity.Warning)]
    [InlineData(Severity.Warning, Severity.Ok, Severity.Warning)]
    [InlineData(Severity.Warning, Severity.Error, Severity.Error)]
    [InlineData(Severity.Error, Severity.Ok, Severity.Error)]
    public void Worst_takes_the_more_severe(Severity a, Severity b, Severity expected) =>
        Assert.Equal(expected, a.Worst(b));

    [Fact]
    public void Every_status_token_has_a_distinct_kebab_case_text()
    {
        var texts = Enum.GetValues<StatusToken>().Select(t => t.ToToken()).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
        Assert.All(texts, t => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", t));
    }
}
