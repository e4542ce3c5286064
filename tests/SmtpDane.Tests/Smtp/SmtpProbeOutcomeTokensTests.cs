using SmtpDane.Probe;
using SmtpDane.Smtp;

namespace SmtpDane.Tests.Smtp;

public class SmtpProbeOutcomeTokensTests
{
    public static TheoryData<SmtpProbeOutcome, string?> Mapping => new()
    {
        // outcome, status word of cli.md (null: no failure)
        { SmtpProbeOutcome.Completed, null },
        { SmtpProbeOutcome.ConnectFailed, "connect-failed" },
        { SmtpProbeOutcome.BannerFailed, "banner-failed" },
        { SmtpProbeOutcome.EhloFailed, "smtp-failed" },
        { SmtpProbeOutcome.StarttlsNotOffered, "starttls-not-offered" },
        { SmtpProbeOutcome.StarttlsRefused, "starttls-not-offered" },
        { SmtpProbeOutcome.TlsFailed, "tls-failed" },
        { SmtpProbeOutcome.Timeout, "timeout" },
        { SmtpProbeOutcome.ProtocolError, "smtp-failed" },
        { SmtpProbeOutcome.ConnectionClosed, "smtp-failed" },
    };

    [Theory]
    [MemberData(nameof(Mapping))]
    public void Each_outcome_maps_to_its_status_word(SmtpProbeOutcome outcome, string? token) =>
        Assert.Equal(token, outcome.ToStatusToken()?.ToToken());

    [Fact]
    public void Every_outcome_is_in_the_table()
    {
        var covered = Mapping.Select(row => (SmtpProbeOutcome)row[0]).ToHashSet();
        Assert.Equal(Enum.GetValues<SmtpProbeOutcome>().ToHashSet(), covered);
    }

    [Fact]
    public void Injection_has_its_own_word() => Assert.Equal("starttls-injection", StatusToken.StarttlsInjection.ToToken());
}
