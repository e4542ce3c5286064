using SmtpDane.Smtp;

namespace SmtpDane.Tests.Smtp;

public class SmtpCapabilitiesTests
{
    [Fact]
    public void Keywords_come_from_every_line_but_the_greeting_case_insensitively()
    {
        var reply = new SmtpReply(250, new[] { "mx.example greets you STARTTLS", "size 1000", "StartTLS", "AUTH PLAIN LOGIN", "" });

        var caps = SmtpCapabilities.FromEhlo(reply);

        Assert.Equal(new[] { "SIZE", "STARTTLS", "AUTH" }, caps.Keywords);
        Assert.True(caps.OffersStarttls);
        Assert.Equal("1000", caps.Parameters["size"]);
        Assert.Equal("PLAIN LOGIN", caps.Parameters["AUTH"]);
    }

    [Fact]
    public void Starttls_in_the_greeting_line_does_not_count()
    {
        var caps = SmtpCapabilities.FromEhlo(new SmtpReply(250, new[] { "STARTTLS", "8BITMIME" }));
        Assert.False(caps.OffersStarttls);
    }
}
