using System.Net;
using SmtpDane.Dns.Wire;

namespace SmtpDane.Dns.Transport;

/// <summary>The outcome of sending one question to the configured resolvers: a response (which may still carry
/// SERVFAIL/REFUSED when every resolver said so) from <see cref="Server"/>, or a <see cref="Problem"/> when none
/// answered usably. <see cref="Notes"/> records what happened at each resolver (for verbose output).</summary>
public sealed record DnsExchange(DnsMessage? Response, IPEndPoint? Server, DnsProblem? Problem, IReadOnlyList<string> Notes)
{
    public bool Answered => Response is not null;
}
