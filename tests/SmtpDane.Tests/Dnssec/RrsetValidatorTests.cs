using System.Globalization;
using SmtpDane.Dns;
using SmtpDane.Dnssec;
using SmtpDane.Tests.Dnssec.Replay;

namespace SmtpDane.Tests.Dnssec;

public class RrsetValidatorTests
{
    /// <summary>Validation times per file, from vectors/dnssec/unbound-unit/README.md.</summary>
    public static IEnumerable<object[]> UnitFiles() =>
    [
        ["test_sigs.rsasha256_draft", "20090101000000"],
        ["test_sigs.rsasha512_draft", "20070829144150"],
        ["test_sigs.rsasha256", "20070829144150"],
        ["test_sigs.sha1_and_256", "20070829144150"],
        ["test_sigs.revoked", "20080414005004"],
        ["test_sigs.ecdsa_p256", "20100908100439"],
        ["test_sigs.ecdsa_p384", "20100908100439"],
        ["test_sigs.ed25519", "20170530140439"],
        ["test_sigs.ed448", "20180408143630"],
    ];

    /// <summary>README: BOGUS if the RRset has no RRSIG or the owner/query name starts with "bogus", else SECURE —
    /// except test_sigs.sha1_and_256, whose first two "bogus" entries keep one valid signature and are SECURE under
    /// RFC 6840 §5.11 (any one valid signature), and only the last (both invalid) is BOGUS.</summary>
    [Theory]
    [MemberData(nameof(UnitFiles))]
    public void Unbound_signature_vectors(string file, string now)
    {
        var at = DateTimeOffset.ParseExact(now, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var scenario = RplScenario.Load(TestVectors.PathOf("dnssec/unbound-unit/" + file));
        Assert.Empty(scenario.ParseErrors);
        var keys = scenario.TopLevel[0].Answer.Select(r => r.Data).OfType<DnskeyRecord>().ToList();
        Assert.NotEmpty(keys);
        int checkedSets = 0, index = 0;
        foreach (var entry in scenario.TopLevel.Skip(1))
        {
            index++;
            foreach (var set in RRset.Group(entry.Answer))
            {
                bool bogusName = entry.QName!.Label(0).SequenceEqual("bogus"u8) || (set.Owner.LabelCount > 0 && set.Owner.Label(0).SequenceEqual("bogus"u8));
                bool expectSecure = set.Signatures.Count > 0 && !bogusName;
                if (file == "test_sigs.sha1_and_256" && bogusName) expectSecure = index < 4;
                var zone = set.Rrsigs.FirstOrDefault()?.SignerName ?? set.Owner;
                var result = RrsetValidator.Validate(set, zone, keys, at, ValidationBudget.ForAnswer(null));
                Assert.True(expectSecure == result.IsSecure, $"{file} entry {index} {set.Owner} {set.Type.ToText()}: {result.Status} {result.Reason}");
                checkedSets++;
            }
        }
        Assert.True(checkedSets > 0);
    }

    [Theory]
    [InlineData("RFC 4035 App. A, RSASHA1, all RRSIGs", "dnssec/rfc4035/appendix-a.zone.signed", 1082000000L, 27)]
    [InlineData("RFC 5155 App. A, RSASHA1-NSEC3-SHA1, all RRSIGs", "dnssec/rfc5155/appendix-a.zone.signed", 1262304000L, 30)]
    public void Every_RRset_of_the_signed_example_zone_validates(string description, string file, long now, int expectedSignatures)
    {
        var records = SmtpDane.Dns.ZoneFile.ZoneFileLoader.Load(TestVectors.PathOf(file));
        var apex = records.First(r => r.Type == RecordType.SOA).Owner;
        var keys = records.Where(r => r.Owner == apex).Select(r => r.Data).OfType<DnskeyRecord>().ToList();
        var sets = RRset.Group(records).Where(s => s.Signatures.Count > 0).ToList();
        Assert.Equal(expectedSignatures, sets.Sum(s => s.Signatures.Count));
        foreach (var set in sets)
        {
            var result = RrsetValidator.Validate(set, apex, keys, DateTimeOffset.FromUnixTimeSeconds(now), ValidationBudget.ForAnswer(null));
            Assert.True(result.IsSecure, $"{description}: {set.Owner} {set.Type.ToText()}: {result.Reason}");
        }
    }

    [Fact]
    public void Expired_and_not_yet_valid_signatures_name_the_reason_and_expiration_is_reported()
    {
        var records = SmtpDane.Dns.ZoneFile.ZoneFileLoader.Load(TestVectors.PathOf("dnssec/rfc5702/rsasha256.zone"));
        var keys = records.Select(r => r.Data).OfType<DnskeyRecord>().ToList();
        var set = RRset.Group(records).Single(s => s.Type == RecordType.A);
        var zone = DnsName.Parse("example.net.");
        var inside = RrsetValidator.Validate(set, zone, keys, DateTimeOffset.FromUnixTimeSeconds(1000000000), ValidationBudget.ForAnswer(null));
        Assert.True(inside.IsSecure);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1893456000), inside.Expiration); // 20300101000000
        var late = RrsetValidator.Validate(set, zone, keys, DateTimeOffset.FromUnixTimeSeconds(1893456001), ValidationBudget.ForAnswer(null));
        Assert.Equal((SecurityStatus.Bogus, DnsProblemKind.SignatureExpired), (late.Status, late.Problem));
        var early = RrsetValidator.Validate(set, zone, keys, DateTimeOffset.FromUnixTimeSeconds(946684799), ValidationBudget.ForAnswer(null));
        Assert.Equal(DnsProblemKind.SignatureNotYetValid, early.Problem);
    }

    [Fact]
    public void Signer_other_than_the_zone_and_missing_signatures_are_bogus()
    {
        var records = SmtpDane.Dns.ZoneFile.ZoneFileLoader.Load(TestVectors.PathOf("dnssec/rfc5702/rsasha256.zone"));
        var keys = records.Select(r => r.Data).OfType<DnskeyRecord>().ToList();
        var set = RRset.Group(records).Single(s => s.Type == RecordType.A);
        var now = DateTimeOffset.FromUnixTimeSeconds(1000000000);
        var wrongZone = RrsetValidator.Validate(set, DnsName.Parse("net."), keys, now, ValidationBudget.ForAnswer(null));
        Assert.Equal(SecurityStatus.Bogus, wrongZone.Status);
        var unsigned = RrsetValidator.Validate(set with { Signatures = [] }, DnsName.Parse("example.net."), keys, now, ValidationBudget.ForAnswer(null));
        Assert.Equal(DnsProblemKind.RrsigsMissing, unsigned.Problem);
        var noKey = RrsetValidator.Validate(set, DnsName.Parse("example.net."), [], now, ValidationBudget.ForAnswer(null));
        Assert.Equal(DnsProblemKind.DnskeyMissing, noKey.Problem);
    }
}
