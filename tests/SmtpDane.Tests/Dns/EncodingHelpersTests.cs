using SmtpDane.Dns;

namespace SmtpDane.Tests.Dns;

public class EncodingHelpersTests
{
    [Theory]
    // RFC 4648 §10 base32hex test vectors, padding removed (RFC 5155 §3.3 writes no padding).
    [InlineData("", "")]
    [InlineData("f", "CO")]
    [InlineData("fo", "CPNG")]
    [InlineData("foo", "CPNMU")]
    [InlineData("foob", "CPNMUOG")]
    [InlineData("fooba", "CPNMUOJ1")]
    [InlineData("foobar", "CPNMUOJ1E8")]
    public void Base32hex_matches_RFC_4648(string plain, string encoded)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(plain);
        Assert.Equal(encoded, Base32Hex.Encode(bytes));
        Assert.Equal(bytes, Base32Hex.TryDecode(encoded.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("character outside the alphabet", "CPNW")]
    [InlineData("non-zero trailing bits", "CP")]
    [InlineData("impossible length", "C")]
    public void Base32hex_rejects_non_canonical_input(string description, string text) =>
        Assert.True(Base32Hex.TryDecode(text) is null, description);

    [Fact]
    public void Serial_time_resolves_around_the_reference_across_the_2106_wrap()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_100), SerialTime.Resolve(1_700_000_100, now));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_600_000_000), SerialTime.Resolve(1_600_000_000, now));
        // Near 2^32 (year 2106) a small value is after the wrap, not in 1970 (RFC 4034 §3.1.5).
        var late = DateTimeOffset.FromUnixTimeSeconds(4_294_967_000);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(4_294_967_296L + 1000), SerialTime.Resolve(1000, late));
    }

    [Theory]
    [InlineData("20040409183619", 1081535779u)]
    [InlineData("19700101000000", 0u)]
    [InlineData("1081535779", 1081535779u)]
    public void Serial_time_parses_both_RFC_4034_forms(string text, uint expected)
    {
        Assert.True(SerialTime.TryParse(text, out var v));
        Assert.Equal(expected, v);
    }

    [Fact]
    public void Type_bitmap_round_trips_across_windows()
    {
        var b = new TypeBitmap([RecordType.A, RecordType.TLSA, (RecordType)1234, (RecordType)65535, RecordType.A]);
        Assert.Equal(4, b.Types.Count);
        var back = TypeBitmap.TryDecode(b.ToWire(), out var err);
        Assert.True(back is not null, err);
        Assert.Equal(b, back);
        Assert.True(back.Contains((RecordType)65535));
        Assert.False(back.Contains(RecordType.MX));
    }
}
