namespace SmtpDane.Output;

/// <summary>What the CLI writes and returns: stdout text, stderr text (possibly empty), and the exit status.</summary>
public sealed record RenderedOutput(string Stdout, string Stderr, int ExitCode);
