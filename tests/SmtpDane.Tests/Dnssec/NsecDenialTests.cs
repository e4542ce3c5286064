using SmtpDane.Dns;
using SmtpDane.Dnssec.Denial;

namespace SmtpDane.Tests.Dnssec;

/// <summary>The NSEC rules as pure functions over hand-written NSEC chains of zone "example." (signatures are
/// checked elsewhere). Each row names the RFC rule it exercises.</summary>
public class NsecDenialTests
{
    private static NsecEvidence N(string owner, string next, params RecordType[] types) =>
        new(DnsName.Parse(owner), new NsecRecord(DnsName.Parse(next), new TypeBitmap(types)));

    // Chain: example. → a.example. → b.example. (delegation) → d.example. (DNAME) → x.y.example. (y is an ENT) → *.z.example. → example.
    private static readonly NsecEvidence Apex = N("example.", "a.example.", RecordType.SOA, RecordType.NS, RecordType.NSEC);
    private static readonly NsecEvidence A = N("a.example.", "b.example.", RecordType.A, RecordType.NSEC);
    private static readonly NsecEvidence B = N("b.example.", "d.example.", RecordType.NS, RecordType.NSEC);
    private static readonly NsecEvidence D = N("d.example.", "x.y.example.", RecordType.DNAME, RecordType.NSEC);
    private static readonly NsecEvidence Xy = N("x.y.example.", "*.z.example.", RecordType.A, RecordType.NSEC);
    private static readonly NsecEvidence Wild = N("*.z.example.", "example.", RecordType.MX, RecordType.NSEC);

    public static IEnumerable<object[]> NameErrors() =>
    [
        ["RFC 4035 §5.4: QNAME covered and wildcard *.example. covered", "aa.example.", new[] { A, Apex }, true],
        ["QNAME covered but no proof for the wildcard at the closest encloser", "aa.example.", new[] { A }, false],
        ["an NSEC owned by QNAME shows it exists", "a.example.", new[] { A, Apex }, false],
        ["the wildcard at the closest encloser exists (*.z.example.)", "q.z.example.", new[] { Xy, Wild }, false],
        ["RFC 6840 §4.1: a delegation NSEC above QNAME cannot deny names below the cut", "c.b.example.", new[] { B, Apex }, false],
        ["DNAME NSEC above QNAME cannot deny names below it", "e.d.example.", new[] { D, Apex }, false],
        ["the last NSEC wraps to the apex and covers names after it", "zz.example.", new[] { Wild, Apex }, true],
    ];

    [Theory]
    [MemberData(nameof(NameErrors))]
    public void Name_error(string description, string qname, NsecEvidence[] nsecs, bool proven) =>
        Assert.True(proven == NsecDenial.ProveNameError(DnsName.Parse(qname), nsecs).IsSecure, description);

    public static IEnumerable<object[]> NoData() =>
    [
        ["RFC 4035 §5.4: exact NSEC without the type", "a.example.", RecordType.MX, new[] { A }, true],
        ["exact NSEC lists the type", "a.example.", RecordType.A, new[] { A }, false],
        ["RFC 6840 §4.1: parent-side NSEC at a delegation cannot deny child types", "b.example.", RecordType.A, new[] { B }, false],
        ["RFC 6840 §4.4: parent-side NSEC at a delegation denies DS", "b.example.", RecordType.DS, new[] { B }, true],
        ["RFC 6840 §4.4: the child apex NSEC (SOA bit) cannot deny DS", "example.", RecordType.DS, new[] { Apex }, false],
        ["empty non-terminal: next name lies below QNAME", "y.example.", RecordType.A, new[] { D }, true],
        ["RFC 4035 §3.1.3.4: wildcard NODATA", "q.z.example.", RecordType.A, new[] { Xy, Wild }, true],
        ["wildcard has the type: no NODATA", "q.z.example.", RecordType.MX, new[] { Xy, Wild }, false],
        ["no NSEC matches or covers", "a.example.", RecordType.MX, new[] { Xy }, false],
    ];

    [Theory]
    [MemberData(nameof(NoData))]
    public void No_data(string description, string qname, RecordType qtype, NsecEvidence[] nsecs, bool proven) =>
        Assert.True(proven == NsecDenial.ProveNoData(DnsName.Parse(qname), qtype, nsecs).IsSecure, description);

    [Theory]
    [InlineData("RFC 4035 §5.3.4: QNAME covered, closest encloser is the wildcard's parent", "q.z.example.", "z.example.", true)]
    [InlineData("wildcard claimed from a shallower name than the closest encloser", "q.z.example.", "example.", false)]
    public void Wildcard_answer(string description, string qname, string source, bool proven) =>
        Assert.True(proven == NsecDenial.ProveWildcardAnswer(DnsName.Parse(qname), DnsName.Parse(source), [Xy, Wild]).IsSecure, description);

    [Theory]
    [InlineData("name in the zone without NS: not a zone cut (keep the parent's keys)", "a.example.", SecurityStatus.Secure)]
    [InlineData("NS without DS: provably unsigned delegation (RFC 4035 §5.2)", "b.example.", SecurityStatus.Insecure)]
    [InlineData("covered name: does not exist, not a cut", "aa.example.", SecurityStatus.Secure)]
    public void DS_absence_while_walking_down(string description, string name, SecurityStatus expected)
    {
        var result = NsecDenial.ClassifyDsAbsence(DnsName.Parse(name), [A, B, Apex], out _);
        Assert.True(expected == result.Status, description);
    }
}
