using SmtpDane.Dane;
using SmtpDane.Dns;

namespace SmtpDane.Tests.Dane;

public class TlsaSelectorTests
{
    private static byte[] Bytes(int n, byte fill = 0xAB) => Enumerable.Repeat(fill, n).ToArray();
    private static TlsaRecord R(byte u, byte s, byte m, int len) => new(u, s, m, Bytes(len));

    public static TheoryData<string, TlsaRecord, TlsaDropReason?> SingleRecords => new()
    {
        { "DANE-EE SPKI SHA-256 is usable", R(3, 1, 1, 32), null },
        { "DANE-TA Cert SHA-512 is usable", R(2, 0, 2, 64), null },
        { "DANE-TA SPKI Full is usable", R(2, 1, 0, 91), null },
        { "PKIX-TA is not for SMTP (RFC 7672 3.1.3)", R(0, 0, 1, 32), TlsaDropReason.PkixTaUsage },
        { "PKIX-EE is not for SMTP (RFC 7672 3.1.3)", R(1, 1, 1, 32), TlsaDropReason.PkixEeUsage },
        { "usage 4 is unknown", R(4, 1, 1, 32), TlsaDropReason.UnknownUsage },
        { "usage 255 is unknown", R(255, 1, 1, 32), TlsaDropReason.UnknownUsage },
        { "selector 2 is unknown", R(3, 2, 1, 32), TlsaDropReason.UnknownSelector },
        { "matching type 3 is unknown", R(3, 1, 3, 32), TlsaDropReason.UnknownMatchingType },
        { "SHA-256 digest of 31 octets", R(3, 1, 1, 31), TlsaDropReason.WrongDigestLength },
        { "SHA-256 digest of 64 octets", R(3, 1, 1, 64), TlsaDropReason.WrongDigestLength },
        { "SHA-512 digest of 32 octets", R(2, 0, 2, 32), TlsaDropReason.WrongDigestLength },
        { "empty Full data", R(3, 0, 0, 0), TlsaDropReason.EmptyData },
        { "empty digest", R(3, 1, 1, 0), TlsaDropReason.EmptyData },
    };

    [Theory]
    [MemberData(nameof(SingleRecords))]
    public void A_single_record_is_kept_or_dropped_with_its_reason(string description, TlsaRecord record, TlsaDropReason? expected)
    {
        var sel = TlsaSelector.Select([record]);
        if (expected is null)
        {
            Assert.Equal([record], sel.Usable);
            Assert.Empty(sel.Dropped);
            Assert.False(sel.IsUnusable, description);
        }
        else
        {
            Assert.Empty(sel.Usable);
            Assert.Equal([new TlsaDrop(record, expected.Value)], sel.Dropped);
            Assert.True(sel.IsUnusable, description);
        }
    }

    [Fact]
    public void Digest_agility_keeps_only_the_strongest_digest_per_usage_and_selector_and_always_keeps_Full()
    {
        var ee311 = R(3, 1, 1, 32); var ee312 = R(3, 1, 2, 64); var ee310 = R(3, 1, 0, 91);
        var ee301 = R(3, 0, 1, 32);                   // other selector: not superseded by 3 1 2
        var ta211 = R(2, 1, 1, 32);                   // other usage: not superseded by 3 1 2
        var sel = TlsaSelector.Select([ee311, ee312, ee310, ee301, ta211]);
        Assert.Equal([ee312, ee310, ee301, ta211], sel.Usable);
        Assert.Equal([new TlsaDrop(ee311, TlsaDropReason.WeakerDigest)], sel.Dropped);
        Assert.Equal(1, sel.CountDropped(TlsaDropReason.WeakerDigest));
    }

    [Fact]
    public void A_malformed_stronger_digest_does_not_supersede_a_good_weaker_one()
    {
        var good256 = R(3, 1, 1, 32); var bad512 = R(3, 1, 2, 63);
        var sel = TlsaSelector.Select([good256, bad512]);
        Assert.Equal([good256], sel.Usable);
        Assert.Equal([new TlsaDrop(bad512, TlsaDropReason.WrongDigestLength)], sel.Dropped);
    }

    [Fact]
    public void Only_pkix_records_leave_the_set_unusable_and_every_drop_is_counted()
    {
        var sel = TlsaSelector.Select([R(0, 0, 1, 32), R(1, 1, 1, 32), R(1, 0, 2, 64), R(7, 0, 1, 32)]);
        Assert.True(sel.IsUnusable);
        Assert.Equal(4, sel.Dropped.Count);
        Assert.Equal(1, sel.CountDropped(TlsaDropReason.PkixTaUsage));
        Assert.Equal(2, sel.CountDropped(TlsaDropReason.PkixEeUsage));
        Assert.Equal(1, sel.CountDropped(TlsaDropReason.UnknownUsage));
    }

    [Fact]
    public void An_empty_rrset_is_unusable() => Assert.True(TlsaSelector.Select([]).IsUnusable);
}
