namespace SmtpDane.Probe.Report;

/// <summary>One DNS lookup as the operator needs to see it: what was asked, how secure the answer was, why it
/// was not secure, and when its earliest signature expires (the classic DNSSEC outage, dane-rules.md §2).</summary>
/// <param name="QueryName">The name queried, presentation format (e.g. <c>_25._tcp.mx.example.org</c>).</param>
/// <param name="QueryType">The RR type mnemonic (<c>MX</c>, <c>A</c>, <c>AAAA</c>, <c>TLSA</c>, <c>SRV</c>).</param>
/// <param name="Security">RFC 4035 §4.3 state of the answer.</param>
/// <param name="Denial">Whether (and how) the answer denies existence.</param>
/// <param name="Reason">Why the answer is not secure (null when secure or when no reason applies).</param>
/// <param name="EdeCode">RFC 8914 extended DNS error code matching <paramref name="Reason"/>, when one fits.</param>
/// <param name="EarliestRrsigExpiry">Earliest RRSIG expiration met on the validation path, if any.</param>
/// <param name="Answers">Answer records in presentation form (e.g. <c>10 mx1.example.org.</c>), CNAME hops included.</param>
public sealed record DnsFact(
    string QueryName,
    string QueryType,
    DnsSecurity Security,
    DnsDenial Denial,
    string? Reason,
    int? EdeCode,
    DateTimeOffset? EarliestRrsigExpiry,
    IReadOnlyList<string> Answers);
