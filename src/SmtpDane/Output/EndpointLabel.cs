using System.Globalization;
using System.Net.Sockets;
using SmtpDane.Probe.Report;

namespace SmtpDane.Output;

/// <summary>How an endpoint is named in every text output: <c>host address:port</c>, with an IPv6 address in
/// brackets so the port cannot be mistaken for part of it (the RFC 3986 §3.2.2 convention the CLI also accepts):
/// <c>mx.example.org 192.0.2.1:25</c>, <c>mx.example.org [2001:db8::1]:25</c>. Block headers wrap this in one more
/// pair of brackets: <c>[mx.example.org [2001:db8::1]:25]</c>.</summary>
public static class EndpointLabel
{
    public static string Of(EndpointReport e) => TextSafe.Line(e.Host) + " " + AddressAndPort(e);

    public static string AddressAndPort(EndpointReport e)
    {
        string port = e.Port.ToString(CultureInfo.InvariantCulture);
        return e.Address.AddressFamily == AddressFamily.InterNetworkV6
            ? "[" + e.Address + "]:" + port
            : e.Address + ":" + port;
    }
}
