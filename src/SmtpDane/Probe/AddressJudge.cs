using System.Net;
using System.Net.Sockets;
using SmtpDane.Cli;
using SmtpDane.Dns;
using SmtpDane.Probe.Report;

namespace SmtpDane.Probe;

/// <summary>Decides, from the A and AAAA answers of one host, where to connect and whether DANE can apply
/// (dane-rules.md §3 step 3). Pure.</summary>
public static class AddressJudge
{
    public static AddressDecision Decide(DnsName host, DnsAnswer a, DnsAnswer aaaa, AddressFamilyFilter family)
    {
        var facts = new List<DnsFact> { DnsFactMapper.ToFact(a), DnsFactMapper.ToFact(aaaa) };
        var findings = new List<Finding>();
        var usable = new List<DnsAnswer>();
        bool localFailure = false;
        foreach (var answer in new[] { a, aaaa })
        {
            var failure = DnsFindings.Failure(answer, $"{answer.QueryType.ToText()} lookup for {host}");
            if (failure is null) usable.Add(answer);
            else
            {
                findings.Add(failure);
                localFailure |= DnsFindings.IsLocalFailure(answer);
            }
        }

        var all = usable.SelectMany(u => u.Records).Select(r => r.As<AddressRecord>()?.Address).OfType<IPAddress>().Distinct().ToList();
        var kept = all.Where(ip => family.Allows(ip)).OrderBy(ip => ip.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).ToList();

        if (kept.Count == 0 && findings.Count == 0)
        {
            // cli.md: -4/-6 filtering every address away is an error, not a silent pass.
            string detail = all.Count > 0
                ? $"{host} has no {(family == AddressFamilyFilter.IPv4Only ? "IPv4" : "IPv6")} address ({family.FlagText()} filtered away {all.Count})"
                : $"{host} has no A or AAAA records";
            findings.Add(new Finding(StatusToken.NoAddresses, Severity.Error, detail));
        }

        // RFC 7672 §2.2.2: DANE applies only when the address records (every CNAME hop included) are secure.
        bool secure = usable.Count > 0 && usable.All(u => u.Security == SecurityStatus.Secure);
        var insecure = usable.FirstOrDefault(u => u.Security == SecurityStatus.Insecure);
        if (kept.Count > 0 && insecure is not null)
        {
            string why = insecure.Problem is null ? "" : $" ({insecure.Problem.Message})";
            findings.Add(new Finding(StatusToken.DnssecInsecure, Severity.Error,
                $"the address records of {host} are not DNSSEC-signed{why}: DANE does not apply to this host (RFC 7672 §2.2.2)"));
        }

        // The chain seen by whichever answer had records; both families follow the same CNAMEs.
        var chained = usable.FirstOrDefault(u => u.Records.Count > 0) ?? usable.FirstOrDefault();
        DnsName? expanded = secure && chained is not null && chained.Chain.Count > 0 &&
                            chained.Chain.All(h => h.Security == SecurityStatus.Secure) && chained.FinalName != host
            ? chained.FinalName
            : null;

        var judgement = kept.Count == 0 && localFailure ? TargetJudgement.NotJudged : TargetJudgement.Judged;
        return new AddressDecision(kept, secure && kept.Count > 0, expanded, findings, facts, judgement);
    }
}
