using SmtpDane.Dns;

namespace SmtpDane.Dnssec.Denial;

/// <summary>
/// Denial of existence with NSEC (RFC 4035 §5.4, §3.1.3; RFC 4592 for wildcards; RFC 6840 §4.1/§4.3/§4.4).
/// Pure functions over QNAME/QTYPE and NSEC RRs whose signatures were already checked. A proof that holds is
/// Secure; one that does not is Bogus with <see cref="DnsProblemKind.NsecMissing"/> (RFC 8914 code 12).
/// </summary>
public static class NsecDenial
{
    /// <summary>NXDOMAIN: an NSEC covers QNAME and an NSEC covers the wildcard at the closest encloser
    /// (RFC 4035 §5.4 bullets 1–2, §3.1.3.2).</summary>
    public static ValidationResult ProveNameError(DnsName qname, IReadOnlyList<NsecEvidence> nsecs)
    {
        var cover = FindCovering(qname, nsecs);
        if (cover is null) return Missing($"no NSEC covers {qname} (RFC 4035 §5.4)");
        if (nsecs.Any(n => n.Owner == qname)) return Missing($"an NSEC owned by {qname} shows the name exists");
        var ce = ClosestEncloser(qname, cover);
        var wildcard = ce.Prepend("*"u8);
        if (nsecs.Any(n => n.Owner == wildcard)) return Missing($"wildcard {wildcard} exists, so {qname} cannot be NXDOMAIN");
        if (FindCovering(wildcard, nsecs) is null) return Missing($"no NSEC proves that wildcard {wildcard} does not exist (RFC 4035 §5.4)");
        return ValidationResult.Secure(null, $"NSEC proves {qname} and {wildcard} do not exist");
    }

    /// <summary>NODATA: exact-match NSEC without the type (and without CNAME), an empty non-terminal, or a matching
    /// wildcard without the type (RFC 4035 §5.4, §3.1.3.1, §3.1.3.4; DS at a delegation per RFC 6840 §4.4).</summary>
    public static ValidationResult ProveNoData(DnsName qname, RecordType qtype, IReadOnlyList<NsecEvidence> nsecs)
    {
        var exact = nsecs.FirstOrDefault(n => n.Owner == qname);
        if (exact is not null) return CheckBitmap(qname, qtype, exact, "");

        var cover = FindCovering(qname, nsecs);
        if (cover is null) return Missing($"no NSEC matches or covers {qname} (RFC 4035 §5.4)");
        // Empty non-terminal: the next owner lies below QNAME, so QNAME exists without data (RFC 4035 §3.1.3.1 / RFC 4592 §2.2.2).
        if (cover.Record.NextName.IsSubdomainOf(qname) && cover.Record.NextName != qname)
            return ValidationResult.Secure(null, $"NSEC shows {qname} is an empty non-terminal");
        // Wildcard NODATA (RFC 4035 §3.1.3.4): QNAME covered, and the wildcard at the closest encloser lacks the type.
        var wildcard = ClosestEncloser(qname, cover).Prepend("*"u8);
        var wild = nsecs.FirstOrDefault(n => n.Owner == wildcard);
        if (wild is null) return Missing($"{qname} does not exist, but no NSEC for wildcard {wildcard} shows the type absent");
        return CheckBitmap(qname, qtype, wild, $" via wildcard {wildcard}");
    }

    /// <summary>Wildcard answer (RFC 4035 §5.3.4): an NSEC must prove QNAME itself does not exist and that no name
    /// between the wildcard's parent (<paramref name="source"/>) and QNAME exists.</summary>
    public static ValidationResult ProveWildcardAnswer(DnsName qname, DnsName source, IReadOnlyList<NsecEvidence> nsecs)
    {
        var cover = FindCovering(qname, nsecs);
        if (cover is null) return Missing($"wildcard answer for {qname} without an NSEC proving no closer match (RFC 4035 §5.3.4)");
        var ce = ClosestEncloser(qname, cover);
        if (ce != source) return Missing($"wildcard answer from *.{source} but NSEC shows closest encloser {ce}");
        return ValidationResult.Secure(null, $"NSEC proves no closer match than *.{source}");
    }

    /// <summary>
    /// Judges a DS denial met while walking down from a secure zone (RFC 4035 §5.2): Secure = no DS and
    /// <paramref name="name"/> is not a zone cut (keep the parent's keys); Insecure = a delegation without DS (the
    /// NSEC at the name has NS but neither DS nor SOA: provably unsigned); Bogus = no valid proof.
    /// </summary>
    public static ValidationResult ClassifyDsAbsence(DnsName name, IReadOnlyList<NsecEvidence> nsecs, out bool nameAbsent)
    {
        nameAbsent = false;
        var exact = nsecs.FirstOrDefault(n => n.Owner == name);
        if (exact is not null)
        {
            var t = exact.Record.Types;
            if (t.Contains(RecordType.DS)) return Missing($"NSEC at {name} lists DS, but no DS was returned");
            if (t.Contains(RecordType.SOA)) return Missing($"NSEC at {name} is the child apex's (SOA bit) and cannot deny DS (RFC 6840 §4.4)");
            if (t.Contains(RecordType.NS))
                return ValidationResult.Insecure(DnsProblemKind.InsecureDelegation, $"NSEC proves {name} is a delegation without DS: unsigned zone (RFC 4035 §5.2)");
            return ValidationResult.Secure(null, $"NSEC shows {name} is not a zone cut");
        }
        if (FindCovering(name, nsecs) is { } cover)
        {
            // Covered: the name does not exist, unless the next owner lies below it (an empty non-terminal).
            nameAbsent = !(cover.Record.NextName.IsSubdomainOf(name) && cover.Record.NextName != name);
            return ValidationResult.Secure(null, $"NSEC shows {name} is not a zone cut");
        }
        return Missing($"no NSEC proves the absence of DS at {name}");
    }

    private static ValidationResult CheckBitmap(DnsName qname, RecordType qtype, NsecEvidence nsec, string via)
    {
        var types = nsec.Record.Types;
        if (types.Contains(qtype)) return Missing($"NSEC at {nsec.Owner} lists {qtype.ToText()}{via}");
        // RFC 4035 §5.4 / §3.1.3.1: a CNAME at the name would have been the answer.
        if (qtype != RecordType.CNAME && types.Contains(RecordType.CNAME)) return Missing($"NSEC at {nsec.Owner} lists CNAME{via}");
        bool delegation = types.Contains(RecordType.NS) && !types.Contains(RecordType.SOA);
        if (qtype == RecordType.DS)
        {
            // RFC 6840 §4.4: the DS denial must come from the parent side; an apex NSEC (SOA bit) is the child's.
            if (types.Contains(RecordType.SOA) && !nsec.Owner.IsRoot) return Missing($"NSEC at {nsec.Owner} is from the child zone (SOA bit) and cannot deny DS");
        }
        else if (delegation)
        {
            // RFC 6840 §4.1: the parent-side NSEC at a delegation proves nothing about types in the child.
            return Missing($"NSEC at {nsec.Owner} is the parent side of a delegation and cannot deny {qtype.ToText()}");
        }
        if (types.Contains(RecordType.DNAME) && qname != nsec.Owner)
            return Missing($"NSEC at {nsec.Owner} has DNAME; names below it are redirected");
        return ValidationResult.Secure(null, $"NSEC at {nsec.Owner} shows no {qtype.ToText()}{via}");
    }

    /// <summary>The NSEC whose interval (owner, next) strictly contains <paramref name="name"/> in canonical order
    /// (RFC 4034 §6.1); the last NSEC of the chain wraps to the apex. NSECs proving a delegation or DNAME above the
    /// name are skipped: beyond a cut the zone cannot say what exists (RFC 6840 §4.1).</summary>
    public static NsecEvidence? FindCovering(DnsName name, IReadOnlyList<NsecEvidence> nsecs)
    {
        foreach (var n in nsecs)
        {
            if (!Covers(n.Owner, n.Record.NextName, name)) continue;
            if (name.IsSubdomainOf(n.Owner))
            {
                var t = n.Record.Types;
                if (t.Contains(RecordType.DNAME) || (t.Contains(RecordType.NS) && !t.Contains(RecordType.SOA))) continue;
            }
            return n;
        }
        return null;
    }

    /// <summary>owner &lt; name &lt; next, or for the wrapping last NSEC (next ≤ owner): name &gt; owner and name below next (the apex).</summary>
    public static bool Covers(DnsName owner, DnsName next, DnsName name)
    {
        if (DnsName.CompareCanonical(owner, name) >= 0) return false;
        if (DnsName.CompareCanonical(owner, next) < 0) return DnsName.CompareCanonical(name, next) < 0;
        return name.IsSubdomainOf(next);
    }

    /// <summary>Closest encloser implied by a covering NSEC: the longest ancestor QNAME shares with the NSEC owner
    /// or next name (RFC 4592 §3.3.1; both exist, and nothing between them does).</summary>
    public static DnsName ClosestEncloser(DnsName qname, NsecEvidence cover)
    {
        var a = CommonAncestor(qname, cover.Owner);
        var b = CommonAncestor(qname, cover.Record.NextName);
        return a.LabelCount >= b.LabelCount ? a : b;
    }

    public static DnsName CommonAncestor(DnsName x, DnsName y)
    {
        for (int n = Math.Min(x.LabelCount, y.LabelCount); n > 0; n--)
        {
            var candidate = x.Suffix(n);
            if (y.IsSubdomainOf(candidate)) return candidate;
        }
        return DnsName.Root;
    }

    private static ValidationResult Missing(string reason) => ValidationResult.Bogus(DnsProblemKind.NsecMissing, reason);
}
