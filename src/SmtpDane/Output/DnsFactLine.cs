using System.Globalization;
using SmtpDane.Probe.Report;

namespace SmtpDane.Output;

/// <summary><c>dns NAME TYPE: security[ denial][ (reason, EDE n)][ -> answers][; RRSIG expires T]</c></summary>
public static class DnsFactLine
{
    public static string Of(DnsFact f)
    {
        var line = "dns " + TextSafe.Line(f.QueryName) + " " + TextSafe.Line(f.QueryType) + ": " + f.Security.ToToken();
        if (f.Denial != DnsDenial.None) line += " " + f.Denial.ToToken();
        if (f.Reason is not null || f.EdeCode is not null)
        {
            var why = new List<string>();
            if (f.Reason is not null) why.Add(TextSafe.Line(f.Reason));
            if (f.EdeCode is { } ede) why.Add("EDE " + ede.ToString(CultureInfo.InvariantCulture));
            line += " (" + string.Join(", ", why) + ")";
        }
        if (f.Answers.Count > 0) line += " -> " + string.Join(", ", f.Answers.Select(TextSafe.Line));
        if (f.EarliestRrsigExpiry is { } exp) line += "; RRSIG expires " + Timestamp(exp);
        return line;
    }

    /// <summary>UTC, second precision, RFC 3339 — the form <c>-at</c> accepts.</summary>
    public static string Timestamp(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>DNS facts in a stable order: name (DNS order of <see cref="EndpointOrder.CompareNames"/>), then type.</summary>
    public static IEnumerable<DnsFact> Ordered(IEnumerable<DnsFact> facts) =>
        facts.Order(Comparer<DnsFact>.Create((a, b) =>
        {
            int c = EndpointOrder.CompareNames(a.QueryName, b.QueryName);
            return c != 0 ? c : string.CompareOrdinal(a.QueryType, b.QueryType);
        }));
}
