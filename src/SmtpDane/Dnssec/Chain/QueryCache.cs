using System.Collections.Concurrent;
using SmtpDane.Dns;

namespace SmtpDane.Dnssec.Chain;

/// <summary>Per-run cache of upstream queries: concurrent askers of the same (name, type) share one in-flight query.
/// The first asker's CancellationToken governs the shared query.</summary>
internal sealed class QueryCache(UpstreamQuery query)
{
    private readonly ConcurrentDictionary<(DnsName, RecordType), Lazy<Task<UpstreamResult>>> _entries = new();

    public Task<UpstreamResult> GetAsync(DnsName name, RecordType type, CancellationToken ct)
    {
        var key = (name, type);
        var entry = _entries.GetOrAdd(key, k => new Lazy<Task<UpstreamResult>>(() => RunAsync(k.Item1, k.Item2, ct)));
        if (entry.Value.IsCanceled && !ct.IsCancellationRequested)
        {
            // An earlier asker gave up; this one has not: ask again instead of inheriting the cancellation.
            var fresh = new Lazy<Task<UpstreamResult>>(() => RunAsync(name, type, ct));
            entry = _entries.TryUpdate(key, fresh, entry) ? fresh : _entries[key];
        }
        return entry.Value;
    }

    /// <summary>Starts a query without waiting (prefetch).</summary>
    public void Start(DnsName name, RecordType type, CancellationToken ct) => _ = GetAsync(name, type, ct);

    private async Task<UpstreamResult> RunAsync(DnsName name, RecordType type, CancellationToken ct)
    {
        try
        {
            return await query(name, type, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The upstream contract says "never throw for DNS trouble"; a transport bug still must not crash validation.
            return UpstreamResult.Failed(DnsProblem.Of(DnsProblemKind.NetworkError, $"query {name} {type.ToText()} failed: {e.Message}"));
        }
    }
}
