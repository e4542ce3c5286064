using SmtpDane.Probe;

namespace SmtpDane.Output;

/// <summary>Severity colours (green/yellow/red), applied only when the CLI turned colour on.</summary>
public static class Ansi
{
    public const string Green = "\u001b[32m";
    public const string Yellow = "\u001b[33m";
    public const string Red = "\u001b[31m";
    public const string Reset = "\u001b[0m";

    public static string Paint(string text, Severity severity, bool color) => !color ? text : severity switch
    {
        Severity.Ok => Green + text + Reset,
        Severity.Warning => Yellow + text + Reset,
        Severity.Error => Red + text + Reset,
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
