namespace SmtpDane.Cli;

/// <summary>The command line cannot be run as given. The message names the flag or argument at fault and is
/// printed as one line; it never escapes as a stack trace (Entry catches it).</summary>
public sealed class UsageException(string message) : Exception(message);
