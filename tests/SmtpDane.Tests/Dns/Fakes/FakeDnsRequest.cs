using System.Net;
using SmtpDane.Dns.Wire;

namespace SmtpDane.Tests.Dns.Fakes;

/// <summary>A query the fake server received: the decoded message, its raw octets, whether over TCP, and the client.</summary>
public sealed record FakeDnsRequest(DnsMessage Query, byte[] Raw, bool OverTcp, IPEndPoint Client);
