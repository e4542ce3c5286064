namespace SmtpDane.Dane;

/// <summary>The names a DANE-TA(2) certificate may legitimately carry (RFC 7672 §3.2.3): the TLSA base domain,
/// the MX or SRV host name, the original next-hop domain, and every operator-supplied alias (-aka).
/// Names are compared case-insensitively (RFC 4343) and without a trailing dot.</summary>
public sealed class ReferenceIdentifiers
{
    public ReferenceIdentifiers(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = new List<string>();
        foreach (var n in names)
        {
            var norm = Normalise(n);
            if (norm.Length > 0 && !list.Contains(norm)) list.Add(norm);
        }
        Names = list;
    }

    public ReferenceIdentifiers(params string[] names) : this((IEnumerable<string>)names) { }

    /// <summary>Normalised (lower-case, no trailing dot), de-duplicated, in the order given.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Matches the leaf certificate's identifiers against the reference identifiers. RFC 7672 §3.2.3:
    /// when the certificate has at least one SAN dNSName only those are used; the subject CN is consulted
    /// only when there is none. Null when nothing matches or the DER is not a certificate.</summary>
    public NameMatch? MatchCertificate(byte[] certificateDer) =>
        ParsedCertificate.TryParse(certificateDer) is { } c ? MatchCertificate(c) : null;

    internal NameMatch? MatchCertificate(ParsedCertificate cert)
    {
        var sans = cert.DnsNames();
        if (sans.Count > 0) return MatchPresented(sans, PresentedNameSource.SubjectAltNameDns);
        return MatchPresented(cert.CommonNames(), PresentedNameSource.CommonName);
    }

    private NameMatch? MatchPresented(IReadOnlyList<string> presented, PresentedNameSource source)
    {
        foreach (var reference in Names)
            foreach (var p in presented)
                if (Matches(p, reference)) return new NameMatch(reference, p, source);
        return null;
    }

    /// <summary>Does the presented identifier <paramref name="presented"/> match <paramref name="reference"/>?
    /// A wildcard is accepted only as the complete left-most label ("*.example.com") and stands for exactly
    /// one label (RFC 7672 §3.2.3, RFC 6125 §6.4.3); "f*.example.com" and "*.*.example.com" match nothing, and
    /// "*.com" (a wildcard over a single label) is refused.</summary>
    public static bool Matches(string presented, string reference)
    {
        var p = Normalise(presented);
        var r = Normalise(reference);
        if (p.Length == 0 || r.Length == 0 || !IsAsciiHostName(r)) return false;
        if (!p.StartsWith("*.", StringComparison.Ordinal))
            return IsAsciiHostName(p) && string.Equals(p, r, StringComparison.Ordinal);

        var parent = p[2..];
        if (!IsAsciiHostName(parent) || !parent.Contains('.')) return false;
        var dot = r.IndexOf('.');
        if (dot <= 0) return false;
        return string.Equals(r[(dot + 1)..], parent, StringComparison.Ordinal);
    }

    /// <summary>ASCII lower-case, one trailing dot removed (an absolute name and its relative spelling are the
    /// same host name here).</summary>
    private static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var n = name.Trim();
        if (n.EndsWith('.')) n = n[..^1];
        return n.ToLowerInvariant();
    }

    /// <summary>LDH labels (plus '_', seen in real certificates), no empty label. Anything else cannot be a DNS-ID:
    /// RFC 6125 §6.4.1 compares A-labels, so a U-label or stray character never matches.</summary>
    private static bool IsAsciiHostName(string n)
    {
        if (n.Length == 0 || n.Length > 253) return false;
        foreach (var label in n.Split('.'))
        {
            if (label.Length is 0 or > 63) return false;
            foreach (var ch in label)
                if (!(ch is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_')) return false;
        }
        return true;
    }
}
