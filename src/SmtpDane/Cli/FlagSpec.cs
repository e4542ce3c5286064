namespace SmtpDane.Cli;

/// <summary>One command-line flag: its Go-style names, how it takes values, and its help line.</summary>
/// <param name="Name">canonical single-dash name as the original tool spelled it (e.g. "tls-on-connect")</param>
/// <param name="Aliases">other accepted names ("p" for "port")</param>
/// <param name="Bound">the kebab-case name of the ConsoleAppFramework parameter it binds to</param>
public sealed record FlagSpec(string Name, string[] Aliases, FlagKind Kind, string Bound, string? ValueName,
    string Default, string Help, bool Added = false);
