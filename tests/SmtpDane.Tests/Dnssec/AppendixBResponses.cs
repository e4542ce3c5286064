using SmtpDane.Dns;
using SmtpDane.Dns.ZoneFile;

namespace SmtpDane.Tests.Dnssec;

/// <summary>One response block of vectors/dnssec/rfc40xx|rfc5155/appendix-b-responses.txt.</summary>
internal sealed record AppendixBResponse(string Name, DnsName QName, RecordType QType, int Rcode,
    List<ResourceRecord> Answer, List<ResourceRecord> Authority)
{
    public static List<AppendixBResponse> Load(string path)
    {
        var list = new List<AppendixBResponse>();
        string name = ""; DnsName? qname = null; RecordType qtype = default; int rcode = 0; string section = "";
        List<ResourceRecord> answer = [], authority = [];
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("SCENARIO ", StringComparison.Ordinal)) { name = line[9..]; answer = []; authority = []; section = ""; continue; }
            if (line.StartsWith("QUERY ", StringComparison.Ordinal))
            {
                var w = line.Split(' ');
                qname = DnsName.Parse(w[1]);
                Assert.True(RecordTypeText.TryParseType(w[2], out qtype));
                continue;
            }
            if (line.StartsWith("RCODE ", StringComparison.Ordinal)) { rcode = line.EndsWith("NXDOMAIN", StringComparison.Ordinal) ? 3 : 0; continue; }
            if (line.StartsWith(";; ", StringComparison.Ordinal)) { section = line[3..]; continue; }
            if (line == "END_SCENARIO") { list.Add(new(name, qname!, qtype, rcode, answer, authority)); continue; }
            if (line.Length == 0 || line.StartsWith(';') || line.StartsWith("FLAGS", StringComparison.Ordinal) || line.StartsWith("COUNTS", StringComparison.Ordinal)) continue;
            var rr = ZoneFileParser.ParseRecord(line);
            if (section.StartsWith("ANSWER", StringComparison.Ordinal)) answer.Add(rr);
            else if (section.StartsWith("AUTHORITY", StringComparison.Ordinal)) authority.Add(rr);
        }
        return list;
    }
}
