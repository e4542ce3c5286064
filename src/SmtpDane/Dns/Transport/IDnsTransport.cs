using SmtpDane.Dns.Wire;

namespace SmtpDane.Dns.Transport;

/// <summary>Sends one question and returns the response or the reason there is none. Never throws for network or
/// protocol trouble; only <see cref="OperationCanceledException"/> when the caller's token fires.</summary>
public interface IDnsTransport
{
    Task<DnsExchange> ExchangeAsync(DnsQuestion question, DnsQueryOptions options, CancellationToken ct);
}
