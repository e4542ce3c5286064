using SmtpDane.Dns;

namespace SmtpDane.Dnssec;

/// <summary>Accumulates the judged pieces of one lookup (CNAME hops, final data or denial) into a
/// <see cref="DnsAnswer"/>: combined status, the first problem met, the earliest RRSIG expiration on the path.</summary>
internal sealed class AnswerWalk(DnsName queryName, RecordType queryType)
{
    private readonly List<CnameHop> _chain = [];
    private SecurityStatus _status = SecurityStatus.Secure;
    private DnsProblem? _problem;
    private DateTimeOffset? _expiry;
    private SecurityStatus _problemStatus = SecurityStatus.Secure;

    public void Add(ValidationResult piece)
    {
        _status = SecurityCombination.Combine(_status, piece.Status);
        _expiry = ValidationResult.Earliest(_expiry, piece.Expiration);
        if (piece.Status != SecurityStatus.Secure && piece.Problem is { } kind)
        {
            // Keep the most serious problem: a Bogus reason wins over an earlier Insecure note.
            if (_problem is null || (piece.Status == SecurityStatus.Bogus && _problemStatus != SecurityStatus.Bogus))
            {
                _problem = DnsProblem.Of(kind, piece.Reason);
                _problemStatus = piece.Status;
            }
        }
    }

    public void Hop(DnsName owner, DnsName target, SecurityStatus status) => _chain.Add(new CnameHop(owner, target, status));

    public DnsAnswer Finish(DnsName finalName, IReadOnlyList<ResourceRecord> records, DenialKind denial)
    {
        // A denial is only reported as such when it was judged (Secure or provably Insecure); a failed proof is no denial.
        var kind = _status is SecurityStatus.Secure or SecurityStatus.Insecure ? denial : DenialKind.None;
        return new DnsAnswer(queryName, queryType, _status, kind, _status == SecurityStatus.Secure ? null : _problem,
            _chain, finalName, _status == SecurityStatus.Bogus ? [] : records, _expiry, TrustSource.Validated);
    }

    public DnsAnswer Fail(SecurityStatus status, DnsProblem problem, DnsName finalName)
    {
        _status = SecurityCombination.Combine(_status, status);
        if (_problem is null || status == SecurityStatus.Bogus) _problem = problem;
        return new DnsAnswer(queryName, queryType, _status, DenialKind.None, _problem, _chain, finalName, [], _expiry, TrustSource.Validated);
    }
}
