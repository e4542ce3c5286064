namespace SmtpDane.Dns;

/// <summary>One DNS lookup with a security verdict. Implementations never throw for DNS trouble: failures come back
/// as Indeterminate/Bogus with a <see cref="DnsProblem"/>. Only <see cref="OperationCanceledException"/> escapes,
/// when <c>ct</c> fires.</summary>
public interface IDnsLookup
{
    Task<DnsAnswer> LookupAsync(DnsName name, RecordType type, CancellationToken ct);
}
