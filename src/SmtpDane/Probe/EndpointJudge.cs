using System.Net;
using SmtpDane.Dane;
using SmtpDane.Probe.Report;
using SmtpDane.Smtp;

namespace SmtpDane.Probe;

/// <summary>Turns everything known about one endpoint into its report (dane-rules.md §3 steps 7–10). Pure: the
/// SMTP/TLS result is an input, time comes from <see cref="JudgeSettings.Now"/>.
/// Findings are recorded in the order that names the endpoint's status (<see cref="Verdict"/>: first finding at
/// the worst severity): DNS facts first (a sending MTA would not even connect), then the SMTP/TLS dialogue,
/// then the DANE match, then OCSP and signature expiry.</summary>
public static class EndpointJudge
{
    public static EndpointReport Judge(EndpointContext ctx, IPAddress address, SmtpProbeResult smtp, JudgeSettings s)
    {
        var findings = new List<Finding>();
        if (ctx.Addresses is not null) findings.AddRange(ctx.Addresses.Findings);
        // RFC 7672 §2.2.2: with insecure address records DANE does not apply to the host at all, so what the TLSA
        // lookup found is not a finding of its own (the address finding already says why); it is still shown.
        bool daneApplies = ctx.Addresses is null || ctx.Addresses.DaneApplies;
        if (ctx.Tlsa is not null)
        {
            if (daneApplies) findings.AddRange(ctx.Tlsa.Findings);
        }
        else findings.Add(new Finding(StatusToken.DaneNotApplicable, Severity.Error,
            $"{ctx.Host.Display} is an IP address: give -tlsa-name (or -aka) to name the TLSA base domain"));

        // A dialogue that broke after the handshake still has a chain to judge: both are reported.
        if (smtp.Outcome.ToStatusToken() is StatusToken failed)
            findings.Add(new Finding(failed, Severity.Error, smtp.Detail));
        if (smtp.InjectedPlaintextBytes > 0)
            findings.Add(new Finding(StatusToken.StarttlsInjection, Severity.Error,
                $"the server sent {smtp.InjectedPlaintextBytes} bytes of plaintext after accepting STARTTLS; they were discarded (RFC 3207 §4.2, STARTTLS command injection)"));

        DaneVerdict? verdict = null;
        TlsaReport? tlsaReport = null;
        if (ctx.Tlsa is { Kind: TlsaDecisionKind.Usable, Selection: { } selection } tlsa)
        {
            if (smtp.Tls is { } tls)
            {
                verdict = DaneMatcher.Match(selection, tls.ChainDer, ReferenceNames(ctx, s), s.Now, s.ExpirationWarning);
                // RFC 7672 §2.2.2: with insecure address records DANE does not apply; the match is shown, not judged.
                if (daneApplies) findings.AddRange(verdict.Findings);
            }
            tlsaReport = TlsaReportOf(tlsa, selection, verdict);
        }
        else if (ctx.Tlsa is { Selection: { } dropped } unusable)
            tlsaReport = TlsaReportOf(unusable, dropped, null);

        // dane-rules.md §3.10; the original tool only looks at OCSP under -expect-ocsp or -show-cert-info.
        OcspResult? ocsp = null;
        if (smtp.Tls is { } stapled && (s.ExpectOcsp || s.ShowCertInfo))
        {
            ocsp = OcspValidator.Validate(stapled.OcspStaple, stapled.ChainDer, s.Now);
            if (ocsp.ToFinding(s.ExpectOcsp) is { } f) findings.Add(f);
        }

        findings.AddRange(RrsigExpiry(ctx, s));

        var tlsReport = smtp.Tls is { } t ? TlsReportBuilder.Build(t, ocsp) : null;
        return new EndpointReport(
            ctx.Host.Display,
            address,
            ctx.Host.Port,
            ctx.Host.Preference,
            findings,
            (ctx.Addresses?.Facts ?? []).Concat(ctx.Tlsa?.Facts ?? []).ToList(),
            tlsReport,
            tlsaReport,
            smtp.Elapsed,
            verdict?.Certificates.Select(c => c.NotAfter).Where(d => d is not null).Min(),
            s.ShowCertInfo && smtp.Tls is { } info ? TlsReportBuilder.CertificateInfo(info.ChainDer) : [],
            s.ShowCerts && smtp.Tls is { } pem ? CertificatePem.EncodeChain(pem.ChainDer) : null);
    }

    /// <summary>RFC 7672 §3.2.3: the TLSA base domain, the MX/SRV host name, the original next-hop domain, and
    /// the operator's -aka names.</summary>
    private static ReferenceIdentifiers ReferenceNames(EndpointContext ctx, JudgeSettings s)
    {
        var names = new List<string>();
        if (ctx.Tlsa is not null) names.Add(ctx.Tlsa.BaseDomain.ToString());
        if (ctx.Host.Name is not null) names.Add(ctx.Host.Name.ToString());
        if (ctx.OriginalDomain is not null) names.Add(ctx.OriginalDomain);
        names.AddRange(s.Aka);
        return new ReferenceIdentifiers(names);
    }

    private static TlsaReport TlsaReportOf(TlsaDecision tlsa, TlsaSelection selection, DaneVerdict? verdict)
    {
        var outcomes = new List<TlsaRecordOutcome>();
        foreach (var r in selection.Usable)
        {
            var o = verdict?.Records.FirstOrDefault(x => x.Record.Equals(r));
            string text = o is null ? "not evaluated (no TLS handshake)"
                : o.Depth is int d ? $"{o.Result} at depth {d}" : o.Result.ToString();
            outcomes.Add(new TlsaRecordOutcome(r.ToString(), text));
        }
        foreach (var d in selection.Dropped)
            outcomes.Add(new TlsaRecordOutcome(d.Record.ToString(), $"dropped: {d.Reason}"));
        var match = verdict?.MatchedRecord is { } m && verdict.MatchedDepth is int depth ? new TlsaMatch(m.ToString(), depth) : null;
        return new TlsaReport(tlsa.BaseDomain.ToString(), tlsa.Owner.ToString(), outcomes, match);
    }

    /// <summary>dane-rules.md §2: an expiring signature is the classic DNSSEC outage; warn before it happens.</summary>
    private static IEnumerable<Finding> RrsigExpiry(EndpointContext ctx, JudgeSettings s)
    {
        var facts = ctx.TargetFacts.Concat(ctx.Addresses?.Facts ?? []).Concat(ctx.Tlsa?.Facts ?? [])
            .Where(f => f.EarliestRrsigExpiry is not null)
            .OrderBy(f => f.EarliestRrsigExpiry)
            .ToList();
        if (facts.Count == 0) yield break;
        var first = facts[0];
        var expiry = first.EarliestRrsigExpiry!.Value;
        if (expiry <= s.Now)
        {
            // Only reachable when the signatures were not judged here at this time: with -dnssec resolver (the
            // resolver judged them at its own clock) and -at later than their expiry. Validation in the tool
            // would have called the answer bogus; say the same (RFC 4035 §5.3.1).
            yield return new Finding(StatusToken.DnssecBogus, Severity.Error,
                $"an RRSIG on the validation path of {first.QueryName} {first.QueryType} expired {ReportTime.Format(expiry)}, before the time judged at");
            yield break;
        }
        if (s.RrsigExpirationWarning > TimeSpan.Zero && expiry - s.Now <= s.RrsigExpirationWarning)
            yield return new Finding(StatusToken.RrsigExpiring, Severity.Warning,
                $"an RRSIG on the validation path of {first.QueryName} {first.QueryType} expires {ReportTime.Format(expiry)} (in {Hours(expiry - s.Now)})");
    }

    private static string Hours(TimeSpan t) => t.TotalHours >= 48 ? $"{(int)t.TotalDays} days" : t.TotalHours >= 1 ? $"{(int)t.TotalHours} hours" : $"{Math.Max(1, (int)t.TotalMinutes)} minutes";
}
