using System.Net;

namespace SmtpDane.Cli;

/// <summary>One target as the user wrote it: a host name (or, with -mx/-srv, a domain) or an IP literal, with
/// an optional port that overrides SRV ports and -port.</summary>
public sealed record TargetSpec(string Text, string? Name, IPAddress? Address, int? Port)
{
    public bool IsAddressLiteral => Address is not null;
}
