namespace SmtpDane.Cli;

/// <summary>What the command line asks for.</summary>
public enum CommandKind
{
    Probe,
    Help,
    Version,
}

/// <summary>The parsed command line: a request for help or version, or validated probe options.</summary>
public sealed record CommandLine(CommandKind Kind, ProbeOptions? Options)
{
    /// <summary>Normalises Go-style flags, binds them with ConsoleAppFramework and validates them.
    /// Throws <see cref="UsageException"/> naming the flag or target at fault.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var normalised = ArgvNormaliser.Normalise(args);
        var raw = FlagBinder.Bind(normalised.BinderArgs);
        if (raw.Help) return new CommandLine(CommandKind.Help, null);
        if (raw.Version) return new CommandLine(CommandKind.Version, null);
        return new CommandLine(CommandKind.Probe, OptionsBuilder.Build(raw, normalised.Targets));
    }
}
