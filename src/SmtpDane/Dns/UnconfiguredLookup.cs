namespace SmtpDane.Dns;

/// <summary>The lookup used when no resolver is configured: every answer is Indeterminate with the
/// configuration error, so each target reports it instead of the probe silently using some public resolver.</summary>
public sealed class UnconfiguredLookup(DnsProblem problem, TrustSource trust) : IDnsLookup
{
    public Task<DnsAnswer> LookupAsync(DnsName name, RecordType type, CancellationToken ct) =>
        Task.FromResult(DnsAnswer.Failed(name, type, SecurityStatus.Indeterminate, problem, trust));
}
