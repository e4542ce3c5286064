using System.Net;
using SmtpDane.Dns;
using SmtpDane.Dnssec.Chain;

namespace SmtpDane.Tests.Dnssec.Signing;

/// <summary>
/// A private signed tree built in the test: root "." (the trust anchor) → "test." → "example.test.", plus the unsigned
/// delegation "unsigned.test." (NSEC in test. proves NS without DS). Every reply a validating resolver would get is
/// scripted in <see cref="Upstream"/>.
/// </summary>
internal sealed class SignedHierarchy
{
    public TestKey Root { get; } = new(DnsName.Root);
    public TestKey Test { get; } = new(DnsName.Parse("test."));
    public TestKey Example { get; } = new(DnsName.Parse("example.test."));
    public FakeUpstream Upstream { get; } = new();
    public TrustAnchors Anchors => TrustAnchors.FromRecords([TestKey.Rr(".", RecordType.DNSKEY, Root.Dnskey)])!;

    /// <summary>Expiration of the DS RRset of example.test. — set earlier than all others to test the reported earliest expiry.</summary>
    public static readonly uint EarlyExpiration = TestKey.Expiration - 86400 * 30;

    public SignedHierarchy()
    {
        Keys(Root, ".");
        Keys(Test, "test.");
        Keys(Example, "example.test.");
        Signed(Root, "test.", RecordType.DS, [Test.Ds()]);
        var exampleDs = new[] { TestKey.Rr("example.test.", RecordType.DS, Example.Ds()) };
        Upstream.Answer("example.test.", RecordType.DS, [.. exampleDs, Test.Sign(exampleDs, EarlyExpiration)]);

        Signed(Example, "www.example.test.", RecordType.A, [new AddressRecord(IPAddress.Parse("192.0.2.1"))]);
        Signed(Example, "mail.example.test.", RecordType.CNAME, [new CnameRecord(DnsName.Parse("www.example.test."))], queryType: RecordType.A,
            extra: SignedSet(Example, "www.example.test.", RecordType.A, [new AddressRecord(IPAddress.Parse("192.0.2.1"))]));

        // NSEC chain of example.test.: apex → mail → www → apex.
        var apexNsec = Nsec("example.test.", "mail.example.test.", RecordType.SOA, RecordType.NS, RecordType.DNSKEY, RecordType.NSEC, RecordType.RRSIG);
        var mailNsec = Nsec("mail.example.test.", "www.example.test.", RecordType.CNAME, RecordType.NSEC, RecordType.RRSIG);
        var wwwNsec = Nsec("www.example.test.", "example.test.", RecordType.A, RecordType.NSEC, RecordType.RRSIG);
        Upstream.Answer("nx.example.test.", RecordType.A, [], [.. Sealed(Example, apexNsec), .. Sealed(Example, mailNsec)], rcode: 3);
        Upstream.Answer("www.example.test.", RecordType.AAAA, [], Sealed(Example, wwwNsec));
        Upstream.Answer("www.example.test.", RecordType.DS, [], Sealed(Example, wwwNsec));

        // test.: unsigned.test. is delegated without DS.
        var unsignedNsec = Nsec("unsigned.test.", "zz.test.", RecordType.NS, RecordType.NSEC, RecordType.RRSIG);
        Upstream.Answer("unsigned.test.", RecordType.DS, [], Sealed(Test, unsignedNsec));
        Upstream.Answer("host.unsigned.test.", RecordType.A, [TestKey.Rr("host.unsigned.test.", RecordType.A, new AddressRecord(IPAddress.Parse("192.0.2.9")))]);
    }

    public static ResourceRecord Nsec(string owner, string next, params RecordType[] types) =>
        TestKey.Rr(owner, RecordType.NSEC, new NsecRecord(DnsName.Parse(next), new TypeBitmap(types)));

    public static List<ResourceRecord> Sealed(TestKey key, params ResourceRecord[] records) => [.. records, key.Sign(records)];

    public static List<ResourceRecord> SignedSet(TestKey key, string owner, RecordType type, IRData[] data)
    {
        var rrs = data.Select(d => TestKey.Rr(owner, type, d)).ToList();
        return [.. rrs, key.Sign(rrs)];
    }

    public void Signed(TestKey key, string owner, RecordType type, IRData[] data, RecordType? queryType = null, List<ResourceRecord>? extra = null) =>
        Upstream.Answer(owner, queryType ?? type, [.. SignedSet(key, owner, type, data), .. extra ?? []]);

    private void Keys(TestKey key, string zone) => Signed(key, zone, RecordType.DNSKEY, [key.Dnskey]);
}
