using SmtpDane.Dane;
using SmtpDane.Dns;
using SmtpDane.Probe.Report;

namespace SmtpDane.Probe;

/// <summary>Decides the TLSA side of one host (dane-rules.md §3 steps 4–6). Pure.</summary>
public static class TlsaJudge
{
    /// <summary>RFC 6698 §3 / RFC 7672 §2.2.2: the TLSA owner for a TCP port is "_port._tcp.base".</summary>
    public static DnsName OwnerFor(DnsName baseDomain, int port) =>
        baseDomain.Prepend("_tcp"u8).Prepend(System.Text.Encoding.ASCII.GetBytes($"_{port}"));

    /// <param name="original">The host name as listed (MX exchange, SRV target or typed host).</param>
    /// <param name="atOriginal">The TLSA answer at _port._tcp.original.</param>
    /// <param name="expanded">The secure CNAME expansion of the host, or null.</param>
    /// <param name="atExpanded">The TLSA answer at _port._tcp.expanded (when expanded is not null).</param>
    public static TlsaDecision Decide(DnsName original, DnsAnswer atOriginal, DnsName? expanded, DnsAnswer? atExpanded)
    {
        var facts = new List<DnsFact>();
        if (expanded is not null && atExpanded is not null)
        {
            // RFC 7672 §2.2.2: with a secure CNAME chain, TLSA is looked up at the expanded name first and, only
            // on a secure denial there, at the original name. A failure there is not "absent": no fall-through.
            facts.Add(DnsFactMapper.ToFact(atExpanded));
            if (!(atExpanded.Security == SecurityStatus.Secure && atExpanded.Denial != DenialKind.None))
                return FromAnswer(expanded, atExpanded, facts);
        }
        facts.Add(DnsFactMapper.ToFact(atOriginal));
        var decision = FromAnswer(original, atOriginal, facts);
        if (decision.Kind == TlsaDecisionKind.Absent && expanded is not null)
            return decision with
            {
                Findings = [new Finding(StatusToken.TlsaAbsent, Severity.Error,
                    $"no TLSA records at {atExpanded!.QueryName} nor at {atOriginal.QueryName} (both securely denied)")],
            };
        return decision;
    }

    private static TlsaDecision FromAnswer(DnsName baseDomain, DnsAnswer answer, List<DnsFact> facts)
    {
        var owner = answer.QueryName;
        var failure = DnsFindings.Failure(answer, $"TLSA lookup for {owner}");
        if (failure is not null)
            return new TlsaDecision(TlsaDecisionKind.Failed, baseDomain, owner, null, [failure], facts);
        if (answer.Security != SecurityStatus.Secure)
        {
            string why = answer.Problem is null ? "" : $" ({answer.Problem.Message})";
            return new TlsaDecision(TlsaDecisionKind.Insecure, baseDomain, owner, null,
                [new Finding(StatusToken.DnssecInsecure, Severity.Error,
                    $"the TLSA lookup for {owner} is not DNSSEC-secure{why}: DANE does not apply")], facts);
        }
        if (answer.Denial != DenialKind.None || answer.Records.Count == 0)
            return new TlsaDecision(TlsaDecisionKind.Absent, baseDomain, owner, null,
                [new Finding(StatusToken.TlsaAbsent, Severity.Error, $"no TLSA records at {owner} (securely denied)")], facts);

        var records = RRset.InCanonicalOrder(answer.Records).Select(r => r.As<TlsaRecord>()).OfType<TlsaRecord>().ToList();
        var selection = TlsaSelector.Select(records);
        if (selection.IsUnusable)
            return new TlsaDecision(TlsaDecisionKind.Unusable, baseDomain, owner, selection,
                [new Finding(StatusToken.TlsaUnusable, Severity.Error,
                    $"none of the {records.Count} TLSA records at {owner} is usable for SMTP (RFC 7672 §3.1): " +
                    string.Join(", ", selection.Dropped.Select(d => $"{d.Record.Usage} {d.Record.Selector} {d.Record.MatchingType} ({d.Reason})")))],
                facts);
        return new TlsaDecision(TlsaDecisionKind.Usable, baseDomain, owner, selection, [], facts);
    }
}
