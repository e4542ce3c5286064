using SmtpDane.Dns;

namespace SmtpDane.Dnssec;

/// <summary>Asks the recursive resolver one question with DO=1 and CD=1. Must not throw for DNS trouble
/// (return <see cref="UpstreamResult.Failed"/>); may throw OperationCanceledException when <paramref name="ct"/> fires.</summary>
public delegate Task<UpstreamResult> UpstreamQuery(DnsName name, RecordType type, CancellationToken ct);
