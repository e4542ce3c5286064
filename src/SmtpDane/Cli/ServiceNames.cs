namespace SmtpDane.Cli;

/// <summary>The service names the probe understands, built in so that a static binary never reads
/// /etc/services or NSS. Ports are IANA's (RFC 6409 submission, RFC 8314 submissions); "smtps" is the
/// common historical name for 465.</summary>
public static class ServiceNames
{
    private static readonly Dictionary<string, int> Ports = new(StringComparer.OrdinalIgnoreCase)
    {
        ["smtp"] = 25,
        ["submission"] = 587,
        ["submissions"] = 465,
        ["smtps"] = 465,
    };

    public static bool TryGetPort(string name, out int port) => Ports.TryGetValue(name, out port);

    public static IEnumerable<string> Names => Ports.Keys;
}
