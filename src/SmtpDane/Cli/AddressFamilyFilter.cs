namespace SmtpDane.Cli;

/// <summary>-4 / -6.</summary>
public enum AddressFamilyFilter
{
    Any,
    IPv4Only,
    IPv6Only,
}
