namespace SmtpDane.Cli;

/// <summary>Which formatter writes stdout.</summary>
public enum OutputMode
{
    Text,
    Terse,
    Nagios,
    Json,
}
