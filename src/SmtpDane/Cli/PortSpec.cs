namespace SmtpDane.Cli;

/// <summary>Parses a port as a decimal number ("25", "025" = 25: never octal), a service name ("smtp") or
/// "name(number)" ("submission(587)", where the number decides).</summary>
public static class PortSpec
{
    public static bool TryParse(string text, out int port, out string error)
    {
        port = 0;
        error = "";
        string s = text.Trim();
        int open = s.IndexOf('(');
        if (open > 0 && s.EndsWith(')'))
        {
            string name = s[..open];
            if (!IsServiceToken(name)) { error = $"invalid service name \"{name}\""; return false; }
            s = s[(open + 1)..^1];
            return TryParseNumber(s, out port, out error);
        }
        if (s.Length > 0 && s.All(char.IsAsciiDigit)) return TryParseNumber(s, out port, out error);
        if (ServiceNames.TryGetPort(s, out port)) return true;
        error = $"unknown port or service \"{text}\" (use a number or one of: {string.Join(", ", ServiceNames.Names)})";
        return false;
    }

    private static bool TryParseNumber(string s, out int port, out string error)
    {
        port = 0;
        error = "";
        if (s.Length == 0 || !s.All(char.IsAsciiDigit)) { error = $"invalid port \"{s}\""; return false; }
        // Leading zeros are decimal: "025" is 25 (the original tool parsed it as octal 21).
        string digits = s.TrimStart('0');
        if (digits.Length > 5 || (digits.Length > 0 && int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) > 65535))
        { error = $"port {s} is out of range 1-65535"; return false; }
        port = digits.Length == 0 ? 0 : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        if (port == 0) { error = "port 0 is not a usable port"; return false; }
        return true;
    }

    /// <summary>RFC 6335 §5.1 service-name shape: letters, digits, hyphens; at least one letter.</summary>
    private static bool IsServiceToken(string name) =>
        name.Length is > 0 and <= 15 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && name.Any(char.IsAsciiLetter);

    public static int ParseFlag(string flag, string text) =>
        TryParse(text, out var p, out var e) ? p : throw new UsageException($"invalid value \"{text}\" for flag -{flag}: {e}");
}
