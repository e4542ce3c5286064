using SmtpDane.Output;

namespace SmtpDane.Cli;

/// <summary>The only exit point of the program: parses, runs, and maps every failure to a one-line message and
/// a defined exit code. Nothing escapes as a stack trace.</summary>
internal static class Entry
{
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        bool nagios = ArgvNormaliser.RequestsNagios(args);
        try
        {
            var command = CommandLine.Parse(args);
            switch (command.Kind)
            {
                case CommandKind.Help:
                    stdout.Write(HelpText.Render());
                    return 0;
                case CommandKind.Version:
                    stdout.WriteLine(VersionText.Render());
                    return 0;
                default:
                    return ProbeCommand.Run(command.Options!, stdout, stderr);
            }
        }
        catch (UsageException e)
        {
            // Nagios plugins must speak on stdout and say UNKNOWN for a broken invocation.
            TryWrite(nagios ? stdout : stderr, nagios
                ? NagiosFormatter.FormatUsageError(e.Message)
                : $"smtpdane: {OneLine(e.Message)} (see smtpdane -help)\n");
            return ExitCodes.ForUsageError(nagios ? OutputMode.Nagios : OutputMode.Text);
        }
        catch (Exception e)
        {
            // A bug, not an operator error: still one line and a defined code, never a stack trace.
            // An IOException here is usually stdout closed by the reader (| head): saying so may fail too.
            TryWrite(nagios ? stdout : stderr, nagios
                ? $"SMTPDANE UNKNOWN - internal error: {e.GetType().Name}: {OneLine(e.Message)}\n"
                : $"smtpdane: internal error: {e.GetType().Name}: {OneLine(e.Message)}\n");
            return nagios ? ExitCodes.NagiosUnknown : ExitCodes.ProblemsFound;
        }
    }

    private static void TryWrite(TextWriter writer, string text)
    {
        try
        {
            writer.Write(text);
            writer.Flush();
        }
        catch (IOException)
        {
            // Nowhere left to report to; the exit code still says what happened.
        }
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");
}
