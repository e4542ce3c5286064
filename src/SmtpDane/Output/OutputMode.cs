namespace SmtpDane.Output;

/// <summary>The output family chosen on the command line. Decides the formatter and the exit-code convention;
/// <c>-terse</c>, <c>-quiet</c> and colour are text refinements carried by <see cref="FormatOptions"/>.</summary>
public enum OutputMode
{
    /// <summary>Human text (default, <c>-terse</c>, <c>-quiet</c>); default exit codes.</summary>
    Text,
    /// <summary><c>-nagios</c>: plugin status line + perfdata; Nagios exit codes.</summary>
    Nagios,
    /// <summary><c>-json</c>: one JSON document; default exit codes ("exit codes unchanged", cli.md).</summary>
    Json,
}
