using System.Globalization;
using SmtpDane.Dns;
using SmtpDane.Probe;

namespace SmtpDane.Dane;

/// <summary>Matches the usable TLSA records against the chain a server presented (RFC 7672 §3). Pure: the clock
/// is a parameter.</summary>
public static class DaneMatcher
{
    /// <param name="selection">Output of <see cref="TlsaSelector.Select"/>.</param>
    /// <param name="chainDer">Certificates exactly as received, in the order sent (leaf first).</param>
    /// <param name="names">Reference identifiers for the DANE-TA(2) name check.</param>
    /// <param name="now">The time validity periods are judged at.</param>
    /// <param name="expirationWarning">Warn when a certificate expires within this; zero disables.</param>
    public static DaneVerdict Match(TlsaSelection selection, IReadOnlyList<byte[]> chainDer, ReferenceIdentifiers names,
        DateTimeOffset now, TimeSpan expirationWarning)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(chainDer);
        ArgumentNullException.ThrowIfNull(names);

        // RFC 7672 §2.2: with no usable record TLS is still required, but there is nothing to authenticate with.
        if (selection.IsUnusable)
            return Unmatched(StatusToken.TlsaUnusable, [],
                $"none of the {selection.Dropped.Count} TLSA records is usable for SMTP: " +
                string.Join(", ", selection.Dropped.Select(d => $"{d.Record.Usage} {d.Record.Selector} {d.Record.MatchingType} ({d.Reason})")));

        var served = chainDer.Select(d => d is null ? null : ParsedCertificate.TryParse(d)).ToArray();
        using var signatures = new SignatureCache();
        var outcomes = new List<RecordOutcome>();
        var candidates = new List<Candidate>();
        foreach (var record in selection.Usable)
        {
            var (outcome, path) = Evaluate(record, chainDer, served, signatures);
            outcomes.Add(outcome);
            if (outcome.Result == RecordResult.Matched) candidates.Add(new Candidate(record, outcome.Depth!.Value, path));
        }

        if (candidates.Count == 0)
            return Unmatched(StatusToken.TlsaMismatch, outcomes,
                chainDer.Count == 0
                    ? "the server presented no certificate"
                    : "no usable TLSA record matched the presented chain: " +
                      string.Join("; ", outcomes.Select(o => $"{o.Record.Usage} {o.Record.Selector} {o.Record.MatchingType}: {o.Result}")));

        // Preference when several records match (OpenSSL's order): DANE-EE at the leaf first, then DANE-TA at the
        // lowest depth. The first candidate whose checks pass decides; if every one fails, the first one's
        // failures are reported (a match was found, so its name/date problems are the real story).
        var ordered = candidates
            .OrderBy(c => c.Record.Usage == TlsaFields.DaneEe ? 0 : 1)
            .ThenBy(c => c.Depth)
            .ToList();
        Judgement? first = null;
        foreach (var c in ordered)
        {
            var j = Judge(c, names, now, expirationWarning);
            first ??= j;
            if (j.Severity != Severity.Error) return j.ToVerdict(outcomes);
        }
        return first!.ToVerdict(outcomes);
    }

    private sealed record Candidate(TlsaRecord Record, int Depth, IReadOnlyList<PathNode> Path);

    private static (RecordOutcome, IReadOnlyList<PathNode>) Evaluate(TlsaRecord record, IReadOnlyList<byte[]> chainDer,
        IReadOnlyList<ParsedCertificate?> served, SignatureCache signatures)
    {
        if (chainDer.Count == 0 || chainDer[0] is null || chainDer[0].Length == 0)
            return (new RecordOutcome(record, RecordResult.EmptyChain, null), []);

        if (record.Usage == TlsaFields.DaneEe)
        {
            // RFC 7672 §3.1.1: DANE-EE(3) matches the leaf itself — full certificate as received or its SPKI.
            byte[]? selected = record.Selector == TlsaFields.SelectorCert
                ? chainDer[0]
                : served[0]?.SpkiDer ?? ParsedCertificate.Slice(chainDer[0])?.Spki;
            if (selected is null) return (new RecordOutcome(record, RecordResult.LeafUnparseable, null), []);
            if (!TlsaAssociation.Matches(record, selected)) return (new RecordOutcome(record, RecordResult.NoCertificateMatched, null), []);
            IReadOnlyList<PathNode> leafOnly = served[0] is { } leaf ? [new PathNode(leaf, 0)] : [];
            return (new RecordOutcome(record, RecordResult.Matched, 0), leafOnly);
        }

        var found = TrustAnchorPath.Find(record, served, signatures);
        return (new RecordOutcome(record, found.Outcome, found.Depth), found.Path);
    }

    /// <summary>Checks that apply once a record matched. DANE-EE(3): nothing decides (RFC 7672 §3.1.1: names and
    /// dates of the leaf are ignored) but leaf dates are reported as warnings (dane-rules.md §3.9). DANE-TA(2):
    /// every certificate on the path up to and including the anchor must be within its validity period, and the
    /// leaf must carry a reference identifier (RFC 7672 §3.1.2, §3.2.3).</summary>
    private static Judgement Judge(Candidate c, ReferenceIdentifiers names, DateTimeOffset now, TimeSpan warning)
    {
        var isEe = c.Record.Usage == TlsaFields.DaneEe;
        var findings = new List<Finding>();
        NameMatch? nameMatch = null;

        if (!isEe)
        {
            nameMatch = names.MatchCertificate(c.Path[0].Cert);
            if (nameMatch is null)
            {
                var presented = c.Path[0].Cert.DnsNames();
                var shown = presented.Count > 0 ? "DNS names " + string.Join(", ", presented)
                                                : "CN " + string.Join(", ", c.Path[0].Cert.CommonNames());
                findings.Add(new Finding(StatusToken.NameMismatch, Severity.Error,
                    $"certificate ({shown}) matches none of: {string.Join(", ", names.Names)}"));
            }
        }

        for (var depth = 0; depth < c.Path.Count; depth++)
        {
            var cert = c.Path[depth].Cert;
            var where = $"certificate at depth {depth} ({cert.Subject})";
            var notAfter = cert.NotAfter.ToString("u", CultureInfo.InvariantCulture);
            var dateSeverity = isEe ? Severity.Warning : Severity.Error;
            switch (CertificateDates.Check(cert, now, warning))
            {
                case DateStatus.Expired:
                    findings.Add(new Finding(StatusToken.CertExpired, dateSeverity,
                        $"{where} expired at {notAfter}" + (isEe ? " (DANE-EE(3) ignores dates, RFC 7672 §3.1.1)" : "")));
                    break;
                case DateStatus.NotYetValid:
                    findings.Add(new Finding(StatusToken.CertNotYetValid, dateSeverity,
                        $"{where} is not valid before {cert.NotBefore.ToString("u", CultureInfo.InvariantCulture)}" +
                        (isEe ? " (DANE-EE(3) ignores dates, RFC 7672 §3.1.1)" : "")));
                    break;
                case DateStatus.Expiring:
                    findings.Add(new Finding(StatusToken.CertExpiring, Severity.Warning,
                        $"{where} expires at {notAfter}, in {(cert.NotAfter - now).TotalDays:0.#} days"));
                    break;
            }
        }
        return new Judgement(c, findings, nameMatch);
    }

    private sealed record Judgement(Candidate Candidate, IReadOnlyList<Finding> Findings, NameMatch? Name)
    {
        public Severity Severity => Findings.Aggregate(Severity.Ok, (s, f) => s.Worst(f.Severity));

        public DaneVerdict ToVerdict(IReadOnlyList<RecordOutcome> outcomes)
        {
            // Headline: a name failure first (OpenSSL checks the identity before dates), then any other error,
            // then the first warning, else pass.
            var status =
                Findings.FirstOrDefault(f => f.Token == StatusToken.NameMismatch)?.Token ??
                Findings.FirstOrDefault(f => f.Severity == Severity.Error)?.Token ??
                Findings.FirstOrDefault(f => f.Severity == Severity.Warning)?.Token ??
                StatusToken.Pass;
            var certs = Candidate.Path.Select((n, depth) => new VerdictCertificate(depth, n.Cert.Der,
                n.ServedIndex is null ? CertificateOrigin.TlsaRecord : CertificateOrigin.ServedChain, n.ServedIndex,
                n.Cert.NotBefore, n.Cert.NotAfter, n.Cert.Subject.ToString())).ToList();
            return new DaneVerdict(status, Severity, Candidate.Record, Candidate.Depth, Name, outcomes, Findings, certs);
        }
    }

    private static DaneVerdict Unmatched(StatusToken token, IReadOnlyList<RecordOutcome> outcomes, string message) =>
        new(token, Severity.Error, null, null, null, outcomes, [new Finding(token, Severity.Error, message)], []);
}
