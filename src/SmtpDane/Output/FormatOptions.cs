namespace SmtpDane.Output;

/// <summary>Text refinements. The CLI decides them; formatters never look at the terminal or the environment.</summary>
/// <param name="Color">ANSI colour. The CLI sets it only when stdout is a terminal and neither <c>-nocolor</c> nor
/// <c>NO_COLOR</c> is given. Ignored by Nagios and JSON output, which are never coloured.</param>
/// <param name="Terse"><c>-terse</c>: one line per endpoint, informational lines dropped.</param>
/// <param name="Quiet"><c>-quiet</c>: only endpoints and targets with warnings or errors.</param>
public sealed record FormatOptions(bool Color = false, bool Terse = false, bool Quiet = false)
{
    public static readonly FormatOptions Plain = new();
}
