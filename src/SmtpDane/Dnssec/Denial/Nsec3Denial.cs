using SmtpDane.Dns;

namespace SmtpDane.Dnssec.Denial;

/// <summary>
/// Denial of existence with NSEC3 (RFC 5155 §8.3–8.8). Pure functions over QNAME/QTYPE and signature-checked NSEC3 RRs
/// of one zone. Opt-out on the NSEC3 covering the next closer name makes the result Insecure: the name
/// may exist as an unsigned delegation (RFC 5155 §6, §9.2). Iterations above <see cref="ValidationBudget.MaxNsec3Iterations"/>
/// are Insecure (RFC 9276 §3.2).
/// </summary>
public static class Nsec3Denial
{
    /// <summary>NXDOMAIN (RFC 5155 §8.4): closest encloser proof, and the wildcard at the closest encloser is covered.</summary>
    public static ValidationResult ProveNameError(DnsName qname, DnsName zone, IReadOnlyList<Nsec3Evidence> rrs, ValidationBudget budget)
    {
        var chain = Nsec3Chain.Create(zone, rrs, budget, out var verdict);
        if (chain is null) return verdict!;
        if (chain.Match(qname) is not null) return Fail(chain, $"an NSEC3 matches {qname}: the name exists");
        var proof = ClosestEncloserProof(chain, qname, zone);
        if (proof.Failure is not null) return proof.Failure;
        var wildcard = proof.Encloser!.Prepend("*"u8);
        if (chain.Cover(wildcard) is null) return Fail(chain, $"no NSEC3 covers wildcard {wildcard} (RFC 5155 §8.4)");
        return OptOutOrSecure(proof.NextCloserCover!, $"NSEC3 proves {qname} does not exist (closest encloser {proof.Encloser})");
    }

    /// <summary>NODATA (RFC 5155 §8.5), DS NODATA (§8.6, opt-out allowed), wildcard NODATA (§8.7); an empty
    /// non-terminal has its own NSEC3 and is §8.5.</summary>
    public static ValidationResult ProveNoData(DnsName qname, RecordType qtype, DnsName zone, IReadOnlyList<Nsec3Evidence> rrs, ValidationBudget budget)
    {
        var chain = Nsec3Chain.Create(zone, rrs, budget, out var verdict);
        if (chain is null) return verdict!;
        var exact = chain.Match(qname);
        if (exact is not null) return CheckBitmap(qname, qtype, exact, "");
        if (chain.BudgetExhausted) return budget.ExceededResult();

        var proof = ClosestEncloserProof(chain, qname, zone);
        if (proof.Failure is not null) return proof.Failure;
        if (qtype == RecordType.DS)
        {
            // RFC 5155 §8.6: no matching NSEC3 — only valid when the next closer is covered by an opt-out NSEC3,
            // and then the delegation is provably unsigned (Insecure).
            return proof.NextCloserCover!.Record.OptOut
                ? ValidationResult.Insecure(DnsProblemKind.InsecureDelegation, $"opt-out NSEC3 covers {qname}: unsigned delegation (RFC 5155 §8.6)")
                : Fail(chain, $"no NSEC3 matches {qname} and the covering NSEC3 lacks opt-out (RFC 5155 §8.6)");
        }
        // No NSEC3 matches QNAME. If the next closer name is covered by an opt-out NSEC3, QNAME may sit in an unsigned
        // delegation the parent cannot speak for: Insecure (RFC 5155 §8.6 logic, applied to every QTYPE as Unbound does).
        if (proof.NextCloserCover!.Record.OptOut)
            return ValidationResult.Insecure(DnsProblemKind.InsecureDelegation, $"opt-out NSEC3 covers {qname}: it may be an unsigned delegation (RFC 5155 §8.6)");
        var wildcard = proof.Encloser!.Prepend("*"u8);
        var wild = chain.Match(wildcard);
        if (wild is null) return Fail(chain, $"no NSEC3 matches {qname} or wildcard {wildcard} (RFC 5155 §8.5, §8.7)");
        var bitmap = CheckBitmap(qname, qtype, wild, $" via wildcard {wildcard}");
        if (!bitmap.IsSecure) return bitmap;
        return OptOutOrSecure(proof.NextCloserCover!, bitmap.Reason);
    }

    /// <summary>Wildcard answer (RFC 5155 §8.8): the next closer name below the wildcard's parent
    /// (<paramref name="source"/>, from the RRSIG Labels field) must be covered.</summary>
    public static ValidationResult ProveWildcardAnswer(DnsName qname, DnsName source, DnsName zone, IReadOnlyList<Nsec3Evidence> rrs, ValidationBudget budget)
    {
        var chain = Nsec3Chain.Create(zone, rrs, budget, out var verdict);
        if (chain is null) return verdict!;
        if (!qname.IsSubdomainOf(source) || qname.LabelCount <= source.LabelCount)
            return Fail(chain, $"wildcard source *.{source} is not above {qname}");
        var nextCloser = qname.Suffix(source.LabelCount + 1);
        var cover = chain.Cover(nextCloser);
        if (cover is null) return Fail(chain, $"wildcard answer for {qname} without an NSEC3 covering next closer {nextCloser} (RFC 5155 §8.8)");
        return OptOutOrSecure(cover, $"NSEC3 proves no closer match than *.{source}");
    }

    /// <summary>DS denial met on the way down (RFC 5155 §8.6): Secure = not a zone cut; Insecure = unsigned delegation
    /// (NS without DS in a matching NSEC3, or an opt-out NSEC3 covering the name); Bogus = no valid proof.</summary>
    public static ValidationResult ClassifyDsAbsence(DnsName name, DnsName zone, IReadOnlyList<Nsec3Evidence> rrs, ValidationBudget budget, out bool nameAbsent)
    {
        nameAbsent = false;
        var chain = Nsec3Chain.Create(zone, rrs, budget, out var verdict);
        if (chain is null) return verdict!;
        var exact = chain.Match(name);
        if (exact is not null)
        {
            var t = exact.Record.Types;
            if (t.Contains(RecordType.DS)) return Missing($"NSEC3 for {name} lists DS, but no DS was returned");
            if (t.Contains(RecordType.SOA)) return Missing($"NSEC3 for {name} is the child apex's (SOA bit) and cannot deny DS");
            if (t.Contains(RecordType.NS))
                return ValidationResult.Insecure(DnsProblemKind.InsecureDelegation, $"NSEC3 proves {name} is a delegation without DS: unsigned zone");
            return ValidationResult.Secure(null, $"NSEC3 shows {name} is not a zone cut");
        }
        var proof = ClosestEncloserProof(chain, name, zone);
        if (proof.Failure is not null) return proof.Failure;
        if (proof.NextCloserCover!.Record.OptOut)
            return ValidationResult.Insecure(DnsProblemKind.InsecureDelegation, $"opt-out NSEC3 covers {name}: possibly an unsigned delegation (RFC 5155 §8.6)");
        nameAbsent = true;
        return ValidationResult.Secure(null, $"NSEC3 shows {name} does not exist (not a zone cut)");
    }

    private sealed record Proof(DnsName? Encloser, Nsec3Evidence? NextCloserCover, ValidationResult? Failure);

    /// <summary>RFC 5155 §8.3: the longest ancestor of QNAME with a matching NSEC3 is the closest encloser; the
    /// name one label longer (next closer) must be covered. A matching NSEC3 that marks a delegation (NS without
    /// SOA) or a DNAME cannot be a closest encloser for names below it.</summary>
    private static Proof ClosestEncloserProof(Nsec3Chain chain, DnsName qname, DnsName zone)
    {
        if (!qname.IsSubdomainOf(zone) || qname == zone)
            return new(null, null, Fail(chain, $"{qname} is not below zone {zone}"));
        for (int labels = qname.LabelCount - 1; labels >= zone.LabelCount; labels--)
        {
            var candidate = qname.Suffix(labels);
            var match = chain.Match(candidate);
            if (chain.BudgetExhausted) return new(null, null, ValidationResult.Bogus(DnsProblemKind.ValidationBudgetExceeded, "budget exceeded: NSEC3 hashing"));
            if (match is null) continue;
            var t = match.Record.Types;
            if (t.Contains(RecordType.DNAME) || (t.Contains(RecordType.NS) && !t.Contains(RecordType.SOA)))
                return new(null, null, Fail(chain, $"closest encloser {candidate} is a delegation or DNAME (RFC 5155 §8.3)"));
            var nextCloser = qname.Suffix(labels + 1);
            var cover = chain.Cover(nextCloser);
            if (cover is null) return new(null, null, Fail(chain, $"no NSEC3 covers next closer name {nextCloser} (RFC 5155 §8.3)"));
            return new(candidate, cover, null);
        }
        return new(null, null, Fail(chain, $"no closest encloser proof for {qname} (RFC 5155 §8.3)"));
    }

    private static ValidationResult CheckBitmap(DnsName qname, RecordType qtype, Nsec3Evidence nsec3, string via)
    {
        var types = nsec3.Record.Types;
        if (types.Contains(qtype)) return Missing($"NSEC3 for {qname}{via} lists {qtype.ToText()}");
        if (qtype != RecordType.CNAME && types.Contains(RecordType.CNAME)) return Missing($"NSEC3 for {qname}{via} lists CNAME");
        if (qtype == RecordType.DS)
        {
            // RFC 5155 §8.6 / RFC 6840 §4.4: the DS denial must come from the parent; an NSEC3 with SOA is the child apex's.
            if (types.Contains(RecordType.SOA)) return Missing($"NSEC3 for {qname} is from the child zone (SOA bit) and cannot deny DS");
        }
        else if (types.Contains(RecordType.NS) && !types.Contains(RecordType.SOA))
        {
            return Missing($"NSEC3 for {qname} is the parent side of a delegation and cannot deny {qtype.ToText()} (RFC 5155 §8.5)");
        }
        return ValidationResult.Secure(null, $"NSEC3 shows no {qtype.ToText()} at {qname}{via}");
    }

    private static ValidationResult OptOutOrSecure(Nsec3Evidence nextCloserCover, string reason) =>
        nextCloserCover.Record.OptOut
            ? ValidationResult.Insecure(DnsProblemKind.InsecureDelegation, reason + "; the covering NSEC3 has opt-out, so an unsigned delegation may exist (RFC 5155 §9.2)")
            : ValidationResult.Secure(null, reason);

    private static ValidationResult Fail(Nsec3Chain chain, string reason) =>
        chain.BudgetExhausted ? ValidationResult.Bogus(DnsProblemKind.ValidationBudgetExceeded, "budget exceeded: NSEC3 hashing") : Missing(reason);

    private static ValidationResult Missing(string reason) => ValidationResult.Bogus(DnsProblemKind.NsecMissing, reason);
}
