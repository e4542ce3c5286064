namespace SmtpDane.Output;

/// <summary>Text output split by stream: the report for stdout, and the summary line for stderr (empty when there
/// is nothing to say, e.g. <c>-quiet</c> on an all-OK run).</summary>
public sealed record TextOutput(string Stdout, string Summary);
