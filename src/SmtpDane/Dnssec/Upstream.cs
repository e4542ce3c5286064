using SmtpDane.Dns;

namespace SmtpDane.Dnssec;

/// <summary>Adapters from the dns transport's message type.</summary>
public static class Upstream
{
    /// <summary>The validator's view of a decoded reply: RCODE, DO echo (RFC 3225 §3), answer and authority sections.</summary>
    public static UpstreamReply FromMessage(SmtpDane.Dns.Wire.DnsMessage message) =>
        new((int)message.Rcode, message.Edns?.DnssecOk == true, message.Answers, message.Authority);

    /// <summary>Queries through the dns transport with DO=1 and CD=1 (we judge signatures ourselves, so the resolver
    /// must hand over even data it considers bogus, RFC 4035 §3.2.2).</summary>
    public static UpstreamQuery FromTransport(SmtpDane.Dns.Transport.IDnsTransport transport) =>
        async (name, type, ct) =>
        {
            var exchange = await transport.ExchangeAsync(new SmtpDane.Dns.Wire.DnsQuestion(name, type),
                new SmtpDane.Dns.Transport.DnsQueryOptions(DnssecOk: true, CheckingDisabled: true), ct).ConfigureAwait(false);
            return exchange.Response is { } response
                ? UpstreamResult.Of(FromMessage(response))
                : UpstreamResult.Failed(exchange.Problem ?? DnsProblem.Of(DnsProblemKind.Timeout, $"no reply for {name} {type.ToText()}"));
        };

    /// <summary>Wraps a query function returning decoded messages (null = no reply before the deadline).</summary>
    public static UpstreamQuery FromMessages(Func<DnsName, RecordType, CancellationToken, Task<SmtpDane.Dns.Wire.DnsMessage?>> query) =>
        async (name, type, ct) =>
        {
            var message = await query(name, type, ct).ConfigureAwait(false);
            return message is null
                ? UpstreamResult.Failed(DnsProblem.Of(DnsProblemKind.Timeout, $"no reply for {name} {type.ToText()}"))
                : UpstreamResult.Of(FromMessage(message));
        };
}
