using System.Globalization;
using SmtpDane.Dns.Wire;

namespace SmtpDane.Dns.Transport;

/// <summary>-debug for DNS: one trace line per exchange (question, flags asked, the answer's RCODE, AD bit and
/// section sizes, which server answered, how long it took), plus the transport's own notes (retries, TCP
/// fall-back, ignored replies). A decorator, so neither the transport nor the validators know about tracing.</summary>
public sealed class TracingTransport(IDnsTransport inner, Action<string> trace, TimeProvider time) : IDnsTransport
{
    public async Task<DnsExchange> ExchangeAsync(DnsQuestion question, DnsQueryOptions options, CancellationToken ct)
    {
        long started = time.GetTimestamp();
        var exchange = await inner.ExchangeAsync(question, options, ct).ConfigureAwait(false);
        string ms = time.GetElapsedTime(started).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
        string asked = $"dns {question} (DO={Bit(options.DnssecOk)} CD={Bit(options.CheckingDisabled)})";
        foreach (var note in exchange.Notes) trace($"{asked}: {note}");
        trace(exchange.Response is { } m
            ? $"{asked} -> {m.Rcode} from {exchange.Server}, AD={Bit(m.AuthenticData)}, {m.Answers.Count} answer, {m.Authority.Count} authority records, {ms} ms"
            : $"{asked} -> no answer after {ms} ms: {exchange.Problem?.Message}");
        return exchange;
    }

    private static string Bit(bool b) => b ? "1" : "0";
}
