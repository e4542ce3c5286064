using System.Net;
using System.Net.Sockets;

namespace SmtpDane.Cli;

/// <summary>-4 / -6.</summary>
public enum AddressFamilyFilter
{
    Any,
    IPv4Only,
    IPv6Only,
}

public static class AddressFamilyFilterExtensions
{
    public static bool Allows(this AddressFamilyFilter filter, IPAddress address) => filter switch
    {
        AddressFamilyFilter.IPv4Only => address.AddressFamily == AddressFamily.InterNetwork,
        AddressFamilyFilter.IPv6Only => address.AddressFamily == AddressFamily.InterNetworkV6,
        _ => true,
    };

    /// <summary>The flag that set the filter, for messages.</summary>
    public static string FlagText(this AddressFamilyFilter filter) => filter switch
    {
        AddressFamilyFilter.IPv4Only => "-4",
        AddressFamilyFilter.IPv6Only => "-6",
        _ => "",
    };
}
