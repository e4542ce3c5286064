using System.Globalization;
using SmtpDane.Dns;
using SmtpDane.Dns.ZoneFile;

namespace SmtpDane.Tests.Dnssec.Replay;

/// <summary>One canned message of an unbound testbound .rpl file (see vectors/dnssec/unbound-rpl/OUTCOMES.md).</summary>
internal sealed class RplEntry
{
    public HashSet<string> Match { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Flags { get; } = new(StringComparer.OrdinalIgnoreCase);
    public int Rcode { get; set; }
    public DnsName? QName { get; set; }
    public RecordType? QType { get; set; }
    public List<ResourceRecord> Answer { get; } = [];
    public List<ResourceRecord> Authority { get; } = [];
    public List<ResourceRecord> Additional { get; } = [];

    public bool Matches(DnsName name, RecordType type)
    {
        if (QName is null) return true;
        bool nameOk = Match.Contains("subdomain") ? name.IsSubdomainOf(QName) : !Match.Contains("qname") || name == QName;
        bool typeOk = !Match.Contains("qtype") || QType == type;
        return nameOk && typeOk;
    }
}

internal sealed record RplRange(int From, int To, List<string> Addresses, List<RplEntry> Entries);

internal sealed record RplStep(int Number, string Kind, RplEntry Entry);

/// <summary>Reader for the subset of the testbound format the DNSSEC scenarios use.</summary>
internal sealed class RplScenario
{
    public string Name { get; init; } = "";
    public List<string> TrustAnchors { get; } = [];
    public DateTimeOffset? Now { get; set; }          // null: "-1", validity periods ignored
    public List<string> StubAddresses { get; } = [];
    public List<RplRange> Ranges { get; } = [];
    public List<RplStep> Steps { get; } = [];
    public List<string> ParseErrors { get; } = [];
    /// <summary>ENTRY blocks outside any RANGE or STEP (the unit-test files).</summary>
    public List<RplEntry> TopLevel { get; } = [];

    public static RplScenario Load(string path)
    {
        var scenario = new RplScenario { Name = Path.GetFileName(path) };
        RplRange? range = null;
        RplEntry? entry = null;
        RplStep? step = null;
        string section = "";
        int lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith(';') || line.StartsWith('#')) continue;
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            switch (words[0])
            {
                case "trust-anchor:":
                    scenario.TrustAnchors.Add(Unquote(line["trust-anchor:".Length..]));
                    continue;
                case "val-override-date:":
                    var d = Unquote(line["val-override-date:".Length..]);
                    scenario.Now = d == "-1" ? null : DateTimeOffset.ParseExact(d, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    continue;
                case "stub-addr:" or "forward-addr:":
                    scenario.StubAddresses.Add(words[1].Split('@')[0]);
                    continue;
                case "RANGE_BEGIN":
                    range = new RplRange(int.Parse(words[1]), int.Parse(words[2]), [], []);
                    scenario.Ranges.Add(range);
                    continue;
                case "RANGE_END": range = null; continue;
                case "ADDRESS": range?.Addresses.Add(words[1]); continue;
                case "STEP":
                    step = new RplStep(int.Parse(words[1]), words[2], new RplEntry());
                    if (words[2] is "QUERY" or "CHECK_ANSWER") scenario.Steps.Add(step);
                    continue;
                case "ENTRY_BEGIN":
                    entry = step is not null && range is null ? step.Entry : new RplEntry();
                    if (range is not null) range.Entries.Add(entry);
                    else if (step is null) scenario.TopLevel.Add(entry);
                    section = "";
                    continue;
                case "ENTRY_END": entry = null; if (range is null) step = null; continue;
                case "MATCH": foreach (var w in words[1..]) entry?.Match.Add(w); continue;
                case "REPLY":
                    if (entry is null) continue;
                    foreach (var w in words[1..])
                    {
                        entry.Flags.Add(w);
                        var rc = w.ToUpperInvariant() switch { "NOERROR" => 0, "FORMERR" => 1, "SERVFAIL" => 2, "NXDOMAIN" => 3, "NOTIMPL" => 4, "REFUSED" => 5, _ => -1 };
                        if (rc >= 0) entry.Rcode = rc;
                    }
                    continue;
                case "ADJUST": continue;
                case "SECTION": section = words[1].ToUpperInvariant(); continue;
            }
            if (entry is null) continue;
            if (section == "QUESTION")
            {
                entry.QName = DnsName.Parse(words[0]);
                var typeWord = words[^1];
                entry.QType = RecordTypeText.TryParseType(typeWord, out var qt) ? qt : null;
                continue;
            }
            if (section is "ANSWER" or "AUTHORITY" or "ADDITIONAL")
            {
                try
                {
                    var rr = ZoneFileParser.ParseRecord(line, null, 3600);
                    (section == "ANSWER" ? entry.Answer : section == "AUTHORITY" ? entry.Authority : entry.Additional).Add(rr);
                }
                catch (Exception e) when (e is ZoneFileException or DnsNameFormatException or FormatException)
                {
                    scenario.ParseErrors.Add($"line {lineNo}: {e.Message}");
                }
            }
        }
        return scenario;
    }

    private static string Unquote(string s) => s.Trim().Trim('"').Trim();
}
