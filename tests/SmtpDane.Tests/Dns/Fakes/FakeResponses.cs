using SmtpDane.Dns;
using SmtpDane.Dns.Wire;
using SmtpDane.Dns.ZoneFile;

namespace SmtpDane.Tests.Dns.Fakes;

/// <summary>Builders for replies: the response skeleton echoing ID and question, and records from zone-file lines.</summary>
public static class FakeResponses
{
    /// <summary>QR=1, RA=1, same ID/question/RD/CD, EDNS echoing DO (payload 1232) unless <paramref name="edns"/> is false.</summary>
    public static DnsMessage To(DnsMessage query, DnsRcode rcode = DnsRcode.NoError, bool ad = false,
        IEnumerable<string>? answers = null, IEnumerable<string>? authority = null, bool edns = true,
        bool? echoDo = null, IReadOnlyList<EdnsOption>? options = null) => new()
    {
        Id = query.Id,
        IsResponse = true,
        RecursionDesired = query.RecursionDesired,
        RecursionAvailable = true,
        CheckingDisabled = query.CheckingDisabled,
        AuthenticData = ad,
        Rcode = rcode,
        Questions = query.Questions,
        Answers = (answers ?? []).Select(l => ZoneFileParser.ParseRecord(l)).ToList(),
        Authority = (authority ?? []).Select(l => ZoneFileParser.ParseRecord(l)).ToList(),
        Edns = edns ? new EdnsInfo(1232, 0, echoDo ?? query.Edns?.DnssecOk ?? false, options ?? []) : null,
    };

    /// <summary>An EDE option (RFC 8914) for <see cref="To"/>.</summary>
    public static EdnsOption Ede(ushort code, string text = "") => new(15, new ExtendedDnsError(code, text).ToOptionData());
}
