using System.Formats.Asn1;
using SmtpDane.Dns;

namespace SmtpDane.Dane;

/// <summary>DANE-TA(2) path building for one record (RFC 7672 §3.1.2, RFC 7671 §5.2): from the leaf, follow
/// issuers (name match + verified signature) through the served certificates — which may be out of order or carry
/// extras — until a certificate matches the record, or the record's own full certificate ("2 0 0") or full key
/// ("2 1 0") signed the top of the path. Then check basic constraints on the path. Dates and names are not
/// judged here (the verdict reports them only once a record matched — Postfix's rule).</summary>
internal sealed class TrustAnchorPath
{
    /// <summary>Longest path considered. Real chains are 2–4; BC's TLS client already caps chains at 10.</summary>
    internal const int MaxPathLength = 10;

    /// <summary>Most path-building steps per record: a hostile chain of mutually cross-signed certificates could
    /// otherwise make the search exponential.</summary>
    internal const int MaxSteps = 256;

    private readonly TlsaRecord _record;
    private readonly IReadOnlyList<ParsedCertificate?> _served;
    private readonly SignatureCache _signatures;
    private readonly ParsedCertificate? _recordCert;
    private readonly byte[]? _recordKey;
    private int _steps;
    private RecordResult _failure = RecordResult.NoPathToAnchor;

    private TrustAnchorPath(TlsaRecord record, IReadOnlyList<ParsedCertificate?> served, SignatureCache signatures)
    {
        _record = record;
        _served = served;
        _signatures = signatures;
        if (record.MatchingType == TlsaFields.MatchFull)
        {
            if (record.Selector == TlsaFields.SelectorCert) _recordCert = ParsedCertificate.TryParse(record.Data);
            else if (IsSpki(record.Data)) _recordKey = record.Data;
        }
    }

    /// <summary>The path found (leaf first, anchor certificate last when it is a certificate) and the match depth,
    /// or the reason none was found.</summary>
    public sealed record Result(RecordResult Outcome, IReadOnlyList<PathNode> Path, int? Depth);

    public static Result Find(TlsaRecord record, IReadOnlyList<ParsedCertificate?> served, SignatureCache signatures)
    {
        if (served.Count == 0) return new Result(RecordResult.EmptyChain, [], null);
        if (served[0] is not { } leaf) return new Result(RecordResult.LeafUnparseable, [], null);
        var finder = new TrustAnchorPath(record, served, signatures);
        var path = new List<PathNode> { new(leaf, 0) };
        if (finder.Visit(path, out var found, out var depth)) return new Result(RecordResult.Matched, found, depth);
        // Report a path problem only if the record could have been an anchor here at all; otherwise it simply
        // matches nothing.
        var couldAnchor = finder._recordCert is not null || finder._recordKey is not null ||
                          served.Any(c => c is not null && TlsaAssociation.Matches(record, c));
        return new Result(couldAnchor ? finder._failure : RecordResult.NoCertificateMatched, [], null);
    }

    private bool Visit(List<PathNode> path, out IReadOnlyList<PathNode> found, out int depth)
    {
        found = [];
        depth = -1;
        if (++_steps > MaxSteps) { Note(RecordResult.PathBuildingBudgetExceeded); return false; }
        var current = path[^1].Cert;
        var d = path.Count - 1;

        // 1. A served certificate on the path matches the record: it is the anchor, at its depth.
        if (TlsaAssociation.Matches(_record, current))
            return Accept(path, anchorIsLastCertificate: true, d, out found, out depth);

        // 2. "2 0 0": the record's certificate issued the top of the path; it sits one above (OpenSSL's depth).
        if (_recordCert is not null && current.IssuerNameIs(_recordCert))
        {
            var s = _signatures.SignedBy(current, _recordCert);
            if (s == SignatureCheck.Valid)
            {
                var withAnchor = new List<PathNode>(path) { new(_recordCert, null) };
                return Accept(withAnchor, anchorIsLastCertificate: true, d + 1, out found, out depth);
            }
            Note(FromSignature(s));
        }

        if (path.Count >= MaxPathLength) { Note(RecordResult.PathBuildingBudgetExceeded); return false; }

        // 4. Climb: every served certificate named as the issuer whose key verifies the signature.
        for (var i = 0; i < _served.Count; i++)
        {
            // Skip certificates already on the path, including byte-identical duplicates (servers that send
            // their root twice), so a path never loops.
            if (_served[i] is not { } candidate || path.Any(n => n.Cert.Der.AsSpan().SequenceEqual(candidate.Der))) continue;
            if (!current.IssuerNameIs(candidate)) continue;
            var s = _signatures.SignedBy(current, candidate);
            if (s != SignatureCheck.Valid) { Note(FromSignature(s)); continue; }
            path.Add(new PathNode(candidate, i));
            if (Visit(path, out found, out depth)) return true;
            path.RemoveAt(path.Count - 1);
        }

        // 3. "2 1 0": the record's bare key signed the top of the path (checked only once the served chain cannot
        // be extended, as OpenSSL's check_dane_pkeys does, so a served copy of the anchor matches at its own
        // depth first); the match depth is that top certificate's.
        if (_recordKey is not null && _signatures.SignedByKey(current, _recordKey) == SignatureCheck.Valid)
            return Accept(path, anchorIsLastCertificate: false, d, out found, out depth);
        return false;
    }

    private bool Accept(List<PathNode> path, bool anchorIsLastCertificate, int matchDepth,
        out IReadOnlyList<PathNode> found, out int depth)
    {
        var problem = Constraints(path, anchorIsLastCertificate);
        if (problem is { } p) { Note(p); found = []; depth = -1; return false; }
        found = path.ToArray();
        depth = matchDepth;
        return true;
    }

    /// <summary>RFC 5280 §6.1.4 (k)(l)(m)(n) over every issuing certificate on the path (depth ≥ 1): it must be a
    /// CA (basicConstraints cA=TRUE; a v1/v2 certificate only as the anchor itself, as OpenSSL allows for v1
    /// roots), may sign certificates (keyUsage keyCertSign when keyUsage is present), and its pathLenConstraint
    /// must cover the non-self-issued intermediates below it.</summary>
    private static RecordResult? Constraints(IReadOnlyList<PathNode> path, bool anchorIsLastCertificate)
    {
        for (var k = 1; k < path.Count; k++)
        {
            var c = path[k].Cert;
            var isAnchor = anchorIsLastCertificate && k == path.Count - 1;
            if (c.BasicConstraints is { } bc)
            {
                if (!bc.IsCA()) return RecordResult.IssuerNotCa;
                if (bc.PathLenConstraint is { } max)
                {
                    var below = 0;
                    for (var j = 1; j < k; j++) if (!path[j].Cert.IsSelfIssued) below++;
                    if (below > max.IntValue) return RecordResult.PathLengthExceeded;
                }
            }
            else if (!(isAnchor && c.Version < 3)) return RecordResult.IssuerNotCa;
            if (!c.MayCertify) return RecordResult.IssuerNotCa;
        }
        return null;
    }

    private static RecordResult FromSignature(SignatureCheck s) => s switch
    {
        SignatureCheck.Invalid => RecordResult.SignatureInvalid,
        _ => RecordResult.UnsupportedSignatureAlgorithm,
    };

    /// <summary>Keeps the most telling failure seen. An exhausted budget comes first (the search is incomplete, so
    /// nothing else is conclusive); then a constraint failure on a complete path; then a bad signature (which
    /// also happens innocently when a same-named certificate with another key is tried); then an unsupported
    /// algorithm; else "no path".</summary>
    private void Note(RecordResult r)
    {
        if (Rank(r) > Rank(_failure)) _failure = r;
    }

    private static int Rank(RecordResult r) => r switch
    {
        RecordResult.PathBuildingBudgetExceeded => 5,
        RecordResult.IssuerNotCa or RecordResult.PathLengthExceeded => 4,
        RecordResult.SignatureInvalid => 3,
        RecordResult.UnsupportedSignatureAlgorithm => 2,
        _ => 1,
    };

    private static bool IsSpki(byte[] data)
    {
        try
        {
            var r = new AsnReader(data, AsnEncodingRules.DER);
            var seq = r.ReadSequence();
            seq.ReadSequence();   // AlgorithmIdentifier
            seq.ReadBitString(out _);
            return !r.HasData && !seq.HasData;
        }
        catch (AsnContentException) { return false; }
    }
}
