using SmtpDane.Dns;
using SmtpDane.Probe.Report;

namespace SmtpDane.Probe;

/// <summary>Expands an MX or SRV answer into the hosts to probe (dane-rules.md §3 steps 1–2). Pure.</summary>
public static class TargetPlanner
{
    public static TargetPlan PlanMx(DnsName domain, int? targetPort, int defaultPort, DnsAnswer mx)
    {
        var facts = new List<DnsFact> { DnsFactMapper.ToFact(mx) };
        var findings = new List<Finding>();
        var failure = DnsFindings.Failure(mx, $"MX lookup for {domain}");
        if (failure is not null)
            return new TargetPlan([], [failure], facts, DnsFindings.IsLocalFailure(mx) ? TargetJudgement.NotJudged : TargetJudgement.Judged);

        int port = targetPort ?? defaultPort;
        if (mx.Denial == DenialKind.NxDomain)
            return new TargetPlan([], [new Finding(StatusToken.NoMx, Severity.Error, $"{domain} does not exist (NXDOMAIN)")], facts, TargetJudgement.Judged);
        if (mx.Denial == DenialKind.NoData || mx.Records.Count == 0)
        {
            // RFC 5321 §5.1: without MX records the domain itself is the mail host ("implicit MX"), and
            // RFC 7672 §2.2.1 applies DANE to it as to any MX host. An error for an -mx check (the operator
            // asked about MX hosts and there are none), but the implicit MX is still probed so both facts show.
            findings.Add(new Finding(StatusToken.NoMx, Severity.Error,
                $"{domain} has no MX records; probing the domain itself as its implicit MX (RFC 5321 §5.1)"));
            return new TargetPlan([new HostPlan(domain, null, 0, port)], findings, facts, TargetJudgement.Judged);
        }

        var records = mx.Records.Select(r => r.As<MxRecord>()).OfType<MxRecord>().ToList();
        var real = records.Where(r => !r.IsNullMx).ToList();
        if (real.Count < records.Count)
        {
            // RFC 7505 §3: a null MX means the domain accepts no mail; it must be the only MX record.
            string detail = real.Count == 0
                ? $"{domain} publishes a null MX (RFC 7505): it accepts no mail"
                : $"{domain} publishes a null MX beside other MX records (RFC 7505 §3 forbids mixing them); probing the others";
            findings.Add(new Finding(StatusToken.NullMx, Severity.Error, detail));
        }
        if (mx.Security == SecurityStatus.Insecure)
        {
            // RFC 7672 §2.2.1: sending MTAs use DANE only for MX hosts from a secure MX RRset. The hosts are
            // still probed so the operator sees both facts.
            string why = mx.Problem is null ? "" : $" ({mx.Problem.Message})";
            findings.Add(new Finding(StatusToken.MxInsecure, Severity.Error,
                $"the MX RRset of {domain} is not DNSSEC-signed{why}: sending MTAs will not use DANE for this domain (RFC 7672 §2.2.1)"));
        }

        // All preference levels are probed; a host listed twice keeps its best preference.
        var hosts = real
            .GroupBy(r => r.Exchange)
            .Select(g => new HostPlan(g.Key, null, g.Min(r => (int)r.Preference), port))
            .OrderBy(h => h.Preference)
            .ThenBy(h => h.Display, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new TargetPlan(hosts, findings, facts, TargetJudgement.Judged);
    }

    public static TargetPlan PlanSrv(DnsName owner, int? targetPort, DnsAnswer srv)
    {
        var facts = new List<DnsFact> { DnsFactMapper.ToFact(srv) };
        var findings = new List<Finding>();
        var failure = DnsFindings.Failure(srv, $"SRV lookup for {owner}");
        if (failure is not null)
            return new TargetPlan([], [failure], facts, DnsFindings.IsLocalFailure(srv) ? TargetJudgement.NotJudged : TargetJudgement.Judged);
        if (srv.Denial != DenialKind.None || srv.Records.Count == 0)
            return new TargetPlan([], [new Finding(StatusToken.SrvNotOffered, Severity.Error, $"no SRV records at {owner}")], facts, TargetJudgement.Judged);

        var records = srv.Records.Select(r => r.As<SrvRecord>()).OfType<SrvRecord>().ToList();
        // RFC 2782: a single SRV record with target "." means the service is decidedly not available.
        if (records.All(r => r.Target.IsRoot))
            return new TargetPlan([], [new Finding(StatusToken.SrvNotOffered, Severity.Error, $"{owner} says the service is not offered (SRV target \".\", RFC 2782)")], facts, TargetJudgement.Judged);
        if (srv.Security == SecurityStatus.Insecure)
        {
            string why = srv.Problem is null ? "" : $" ({srv.Problem.Message})";
            // RFC 7672 §2.2.1 read for SRV (RFC 7673 §3.1): hosts from an insecure SRV RRset get no DANE.
            findings.Add(new Finding(StatusToken.SrvInsecure, Severity.Error,
                $"the SRV RRset {owner} is not DNSSEC-signed{why}: clients will not use DANE for these hosts"));
        }
        var hosts = records.Where(r => !r.Target.IsRoot)
            .GroupBy(r => (r.Target, Port: targetPort ?? r.Port))
            .Select(g => new HostPlan(g.Key.Target, null, g.Min(r => (int)r.Priority), g.Key.Port))
            .OrderBy(h => h.Preference)
            .ThenBy(h => h.Display, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new TargetPlan(hosts, findings, facts, TargetJudgement.Judged);
    }
}
