using System.Net;
using SmtpDane.Dns;
using SmtpDane.Dnssec;
using SmtpDane.Dnssec.Denial;
using SmtpDane.Tests.Dnssec.Signing;

namespace SmtpDane.Tests.Dnssec;

/// <summary>Hostile zones built in the test exhaust each cap; the assertions are on the budget result (never timing).</summary>
public class ValidationBudgetTests
{
    private static readonly DnsName Zone = DnsName.Parse("example.test.");

    private static List<ResourceRecord> WwwA() => [TestKey.Rr("www.example.test.", RecordType.A, new AddressRecord(IPAddress.Parse("192.0.2.1")))];

    private static RRset Set(List<ResourceRecord> records, IEnumerable<ResourceRecord> sigs) =>
        new(records[0].Owner, records[0].Type, records[0].Class, records[0].Ttl, records, sigs.ToList());

    /// <summary>Invalid P-256 "keys" whose key tag is forced to <paramref name="tag"/> by choosing the last two octets.</summary>
    private static List<DnskeyRecord> CollidingKeys(ushort tag, int count)
    {
        var keys = new List<DnskeyRecord>();
        var rng = new Random(42);
        while (keys.Count < count)
        {
            var key = new byte[64];
            rng.NextBytes(key);
            for (int v = 0; v < 65536; v++)
            {
                key[62] = (byte)(v >> 8); key[63] = (byte)v;
                var k = new DnskeyRecord(256, 3, 13, (byte[])key.Clone());
                if (k.KeyTag == tag) { keys.Add(k); break; }
            }
        }
        return keys;
    }

    [Fact]
    public void KeyTrap_key_tag_collisions_stop_at_the_cap()
    {
        var signer = new TestKey(Zone);
        var records = WwwA();
        var sig = signer.Sign(records);
        var keys = CollidingKeys(signer.Dnskey.KeyTag, 20); // none of them is the real key
        var budget = ValidationBudget.ForAnswer(null);
        var result = RrsetValidator.Validate(Set(records, [sig]), Zone, keys, TestKey.Now, budget);
        Assert.Equal((SecurityStatus.Bogus, DnsProblemKind.ValidationBudgetExceeded), (result.Status, result.Problem));
        Assert.StartsWith("budget exceeded:", result.Reason);
        Assert.Equal(ValidationBudget.MaxKeysPerSignature, budget.Verifications);
    }

    [Fact]
    public void A_colliding_key_within_the_cap_does_not_hide_the_real_one()
    {
        var signer = new TestKey(Zone, 256);
        var records = WwwA();
        var keys = CollidingKeys(signer.Dnskey.KeyTag, ValidationBudget.MaxKeysPerSignature - 1);
        keys.Add(signer.Dnskey);
        var result = RrsetValidator.Validate(Set(records, [signer.Sign(records)]), Zone, keys, TestKey.Now, ValidationBudget.ForAnswer(null));
        Assert.True(result.IsSecure, result.Reason);
    }

    [Fact]
    public void Too_many_signatures_on_one_RRset_stop_at_the_cap()
    {
        var signer = new TestKey(Zone);
        var records = WwwA();
        var other = new TestKey(Zone);
        // Valid-looking signatures made by another key but naming the real key's tag: each costs a verification.
        var sigs = Enumerable.Range(0, 20).Select(i => other.Sign(records, expiration: TestKey.Expiration - (uint)i, keyTag: signer.Dnskey.KeyTag)).ToList();
        var result = RrsetValidator.Validate(Set(records, sigs), Zone, [signer.Dnskey], TestKey.Now, ValidationBudget.ForAnswer(null));
        Assert.Equal(DnsProblemKind.ValidationBudgetExceeded, result.Problem);
        Assert.Contains("RRSIGs", result.Reason);
    }

    [Fact]
    public void Verifications_per_answer_and_per_run_are_capped()
    {
        var answer = ValidationBudget.ForAnswer(null);
        for (int i = 0; i < ValidationBudget.MaxVerificationsPerAnswer; i++) Assert.True(answer.TrySpendVerification());
        Assert.False(answer.TrySpendVerification());
        Assert.Contains("one answer", answer.Exhausted);

        var run = ValidationBudget.ForRun();
        int spent = 0;
        while (true)
        {
            var perAnswer = ValidationBudget.ForAnswer(run);
            bool ok = true;
            for (int i = 0; i < 10 && ok; i++) { ok = perAnswer.TrySpendVerification(); if (ok) spent++; }
            if (!ok) { Assert.Contains("this run", perAnswer.Exhausted); break; }
        }
        Assert.Equal(ValidationBudget.MaxVerificationsPerRun, spent);
    }

    [Fact]
    public void Signature_verifications_of_real_RRsets_draw_on_the_answer_budget()
    {
        var signer = new TestKey(Zone);
        var records = WwwA();
        var set = Set(records, [signer.Sign(records)]);
        var budget = ValidationBudget.ForAnswer(null);
        for (int i = 0; i < ValidationBudget.MaxVerificationsPerAnswer; i++)
            Assert.True(RrsetValidator.Validate(set, Zone, [signer.Dnskey], TestKey.Now, budget).IsSecure);
        var over = RrsetValidator.Validate(set, Zone, [signer.Dnskey], TestKey.Now, budget);
        Assert.Equal(DnsProblemKind.ValidationBudgetExceeded, over.Problem);
    }

    private static Nsec3Evidence Nsec3(string hashLabel, ushort iterations, byte flags = 0, string next = "00000000000000000000000000000000") =>
        new(DnsName.Parse(hashLabel + ".example.test."), new Nsec3Record(1, flags, iterations, [0xAB], Base32Hex.TryDecode(next)!, new TypeBitmap([RecordType.A])));

    [Fact]
    public void NSEC3_iterations_above_the_RFC_9276_limit_make_the_proof_insecure_without_hashing()
    {
        var budget = ValidationBudget.ForAnswer(null);
        var rrs = new[] { Nsec3("11111111111111111111111111111111", ValidationBudget.MaxNsec3Iterations + 1) };
        var result = Nsec3Denial.ProveNameError(DnsName.Parse("nx.example.test."), Zone, rrs, budget);
        Assert.Equal((SecurityStatus.Insecure, DnsProblemKind.Nsec3IterationsTooHigh, (ushort?)27),
            (result.Status, result.Problem, DnsProblem.Of(result.Problem!.Value, "").EdeCode));
        var atLimit = Nsec3Denial.ProveNameError(DnsName.Parse("nx.example.test."), Zone, [Nsec3("11111111111111111111111111111111", ValidationBudget.MaxNsec3Iterations)], budget);
        Assert.Equal(SecurityStatus.Bogus, atLimit.Status); // hashed and judged (this lone NSEC3 proves nothing)
        Assert.Equal(DnsProblemKind.NsecMissing, atLimit.Problem);
    }

    [Fact]
    public void NSEC3_hashing_per_answer_is_capped_for_very_deep_names()
    {
        // A 100-label QNAME makes the closest-encloser search hash one ancestor per label (CVE-2023-50868).
        var deep = DnsName.Parse(string.Concat(Enumerable.Repeat("a.", 100)) + "example.test.");
        var rrs = new[] { Nsec3("11111111111111111111111111111111", 150) };
        var result = Nsec3Denial.ProveNameError(deep, Zone, rrs, ValidationBudget.ForAnswer(null));
        Assert.Equal(DnsProblemKind.ValidationBudgetExceeded, result.Problem);
        Assert.Contains("NSEC3", result.Reason);
    }

    [Fact]
    public async Task CNAME_chains_longer_than_the_cap_are_bogus()
    {
        var h = new SignedHierarchy();
        var chain = new List<ResourceRecord>();
        int hops = ValidationBudget.MaxCnameChain + 2;
        for (int i = 0; i < hops; i++)
            chain.AddRange(SignedHierarchy.SignedSet(h.Example, $"c{i}.example.test.", RecordType.CNAME, [new CnameRecord(DnsName.Parse($"c{i + 1}.example.test."))]));
        h.Upstream.Answer("c0.example.test.", RecordType.A, chain);
        var answer = await new ValidatingLookup(h.Upstream.QueryAsync, h.Anchors, () => TestKey.Now).LookupAsync(DnsName.Parse("c0.example.test."), RecordType.A, CancellationToken.None);
        Assert.Equal((SecurityStatus.Bogus, DnsProblemKind.CnameChainTooLong), (answer.Security, answer.Problem?.Kind));
    }

    [Fact]
    public async Task Delegation_depth_beyond_the_cap_is_bogus()
    {
        // A chain of signed zones test. → z.test. → z.z.test. → …, one zone cut per label, deeper than the cap.
        var h = new SignedHierarchy();
        var parent = h.Test;
        string name = "test.";
        for (int depth = 2; depth <= ValidationBudget.MaxDelegationDepth + 2; depth++)
        {
            name = "z." + name;
            var key = new TestKey(DnsName.Parse(name));
            var ds = new List<ResourceRecord> { TestKey.Rr(name, RecordType.DS, key.Ds()) };
            h.Upstream.Answer(name, RecordType.DS, [.. ds, parent.Sign(ds)]);
            h.Signed(key, name, RecordType.DNSKEY, [key.Dnskey]);
            parent = key;
        }
        var host = "www." + name;
        h.Signed(parent, host, RecordType.A, [new AddressRecord(IPAddress.Parse("192.0.2.5"))]);
        var answer = await new ValidatingLookup(h.Upstream.QueryAsync, h.Anchors, () => TestKey.Now).LookupAsync(DnsName.Parse(host), RecordType.A, CancellationToken.None);
        Assert.Equal((SecurityStatus.Bogus, DnsProblemKind.ValidationBudgetExceeded), (answer.Security, answer.Problem?.Kind));
        Assert.Contains("zone cuts", answer.Problem!.Message);
    }
}
