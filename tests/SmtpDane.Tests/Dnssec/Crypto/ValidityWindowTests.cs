using SmtpDane.Dnssec.Crypto;

namespace SmtpDane.Tests.Dnssec.Crypto;

public class ValidityWindowTests
{
    [Theory]
    [InlineData("inside the window", 946684800u, 1893456000u, 1000000000L, true)]
    [InlineData("exactly at inception", 946684800u, 1893456000u, 946684800L, true)]
    [InlineData("exactly at expiration", 946684800u, 1893456000u, 1893456000L, true)]
    [InlineData("one second after expiration (RFC 5702 negative companion)", 946684800u, 1893456000u, 1893456001L, false)]
    [InlineData("before inception", 946684800u, 1893456000u, 946684799L, false)]
    [InlineData("window spanning the 2^32 wrap (2106), now after the wrap", 4294967000u, 500u, 4294967396L, true)]
    [InlineData("window spanning the 2^32 wrap, now past the wrapped expiration", 4294967000u, 500u, 4294968000L, false)]
    public void Validity_window_uses_serial_arithmetic(string description, uint inception, uint expiration, long now, bool expected)
        => Assert.True(expected == ValidityWindow.IsWithin(inception, expiration, DateTimeOffset.FromUnixTimeSeconds(now)), description);
}
