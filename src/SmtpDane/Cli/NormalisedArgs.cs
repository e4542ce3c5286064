namespace SmtpDane.Cli;

/// <summary>The command line after Go-style flags were rewritten for ConsoleAppFramework.</summary>
/// <param name="BinderArgs">only <c>--kebab-name [value]</c> pairs, each flag at most once</param>
/// <param name="Targets">the positional arguments, in order</param>
public sealed record NormalisedArgs(IReadOnlyList<string> BinderArgs, IReadOnlyList<string> Targets);
