using SmtpDane.Cli;

namespace SmtpDane.Tests.Cli;

public class GoDurationTests
{
    // Expected values are Go's time.ParseDuration results, written as ticks (100 ns).
    [Theory]
    [InlineData("168h", 168L * 3600 * 10_000_000)]
    [InlineData("90m", 90L * 60 * 10_000_000)]
    [InlineData("10s", 10L * 10_000_000)]
    [InlineData("1h30m", 90L * 60 * 10_000_000)]
    [InlineData("1.5s", 15_000_000L)]
    [InlineData(".5s", 5_000_000L)]
    [InlineData("10ms", 100_000L)]
    [InlineData("250us", 2_500L)]
    [InlineData("250\u00b5s", 2_500L)]
    [InlineData("0s", 0L)]
    [InlineData("0", 0L)]
    [InlineData("2232h", 2232L * 3600 * 10_000_000)] // $((3*31*24))h from the original README
    public void Parses_go_syntax(string text, long ticks)
    {
        Assert.True(GoDuration.TryParse(text, out var d, out var err), err);
        Assert.Equal(ticks, d.Ticks);
    }

    [Fact]
    public void One_nanosecond_stays_non_zero_so_the_expiry_check_is_enabled()
    {
        Assert.True(GoDuration.TryParse("1ns", out var d, out _));
        Assert.True(d > TimeSpan.Zero);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("10", "missing unit")]
    [InlineData("10x", "unknown unit")]
    [InlineData("1d", "unknown unit")] // Go has no days
    [InlineData("h", "invalid duration")]
    [InlineData("1.2.3s", "1.2.3s")]
    [InlineData("99999999999999999999h", "out of range")]
    [InlineData("2562048h", "out of range")] // just past Go's int64 nanoseconds
    public void Rejects_what_go_rejects(string text, string fragment)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var err));
        Assert.Contains(fragment, err);
    }

    [Fact]
    public void Negative_durations_are_usage_errors_for_flags()
    {
        var e = Assert.Throws<UsageException>(() => GoDuration.ParseFlag("timeout", "-5s"));
        Assert.Contains("-timeout", e.Message);
    }
}
