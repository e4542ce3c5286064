namespace SmtpDane.Cli;

/// <summary>Turns what users of the original Go tool type into the form ConsoleAppFramework binds.
/// ConsoleAppFramework alone has no <c>-x=v</c> form, treats bools as presence-only, keeps only the last of a
/// repeated option and parses values starting with '[' as JSON; Go's flag package does none of that
/// (measured-facts.md). Rules follow Go's <c>flag</c> package, except that flags may also follow targets
/// (a host name never starts with '-'), which is what operators expect from a monitoring plugin.</summary>
public static class ArgvNormaliser
{
    /// <summary>Value separator for repeatable flags on their way to the binder: a character no valid host
    /// name, address or path given on a command line contains.</summary>
    public const char RepeatSeparator = '\n';

    public static NormalisedArgs Normalise(IReadOnlyList<string> args)
    {
        var bools = new Dictionary<FlagSpec, bool>();
        var values = new Dictionary<FlagSpec, string>();
        var repeats = new Dictionary<FlagSpec, List<string>>();
        var targets = new List<string>();

        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                // Go: "--" terminates the flags; everything after it is positional.
                for (i++; i < args.Count; i++) targets.Add(args[i]);
                break;
            }
            if (arg.Length < 2 || arg[0] != '-')
            {
                targets.Add(arg); // includes a lone "-", as in Go
                continue;
            }

            string body = arg[1] == '-' ? arg[2..] : arg[1..];
            if (body.Length == 0 || body[0] == '-' || body[0] == '=')
                throw new UsageException($"bad flag syntax: {arg}");
            string name = body;
            string? inline = null;
            int eq = body.IndexOf('=');
            if (eq >= 0)
            {
                name = body[..eq];
                inline = body[(eq + 1)..];
            }

            var spec = FlagTable.Find(name)
                ?? throw new UsageException($"flag provided but not defined: -{name}");

            switch (spec.Kind)
            {
                case FlagKind.Bool:
                    bools[spec] = inline is null || ParseBool(inline, spec);
                    break;
                case FlagKind.Value:
                case FlagKind.Repeatable:
                    string value;
                    if (inline is not null) value = inline;
                    else if (i + 1 < args.Count) value = args[++i];
                    else throw new UsageException($"flag needs an argument: -{spec.Name}");
                    if (value.Contains(RepeatSeparator) || value.Contains('\r') || value.Contains('\0'))
                        throw new UsageException($"invalid value for flag -{spec.Name}: control characters are not allowed");
                    if (spec.Kind == FlagKind.Value) values[spec] = value; // Go: the last one wins
                    else
                    {
                        if (!repeats.TryGetValue(spec, out var list)) repeats[spec] = list = [];
                        list.Add(value);
                    }
                    break;
            }
        }

        // Every value flag is passed, given or defaulted: the defaults then live only in FlagTable (which the
        // help prints), and the binder never sees an empty command line (ConsoleAppFramework shows its own
        // help for that).
        var binder = new List<string>();
        foreach (var spec in FlagTable.All)
        {
            switch (spec.Kind)
            {
                case FlagKind.Bool when bools.GetValueOrDefault(spec):
                    binder.Add("--" + spec.Bound);
                    break;
                case FlagKind.Value:
                    binder.Add("--" + spec.Bound);
                    binder.Add(values.GetValueOrDefault(spec, spec.Default));
                    break;
                case FlagKind.Repeatable when repeats.ContainsKey(spec):
                    binder.Add("--" + spec.Bound);
                    binder.Add(string.Join(RepeatSeparator, repeats[spec]));
                    break;
            }
        }
        return new NormalisedArgs(binder, targets);
    }

    /// <summary>Go's strconv.ParseBool spellings, exactly.</summary>
    private static bool ParseBool(string text, FlagSpec spec) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => throw new UsageException($"invalid boolean value \"{text}\" for -{spec.Name}"),
    };

    /// <summary>Whether the raw command line asks for Nagios mode. Read before parsing, so that even a usage
    /// error in a Nagios check is reported the Nagios way (UNKNOWN, on stdout).</summary>
    public static bool RequestsNagios(IReadOnlyList<string> args)
    {
        bool nagios = false;
        foreach (var a in args)
        {
            if (a == "--") break;
            string body = a.StartsWith("--", StringComparison.Ordinal) ? a[2..] : a.StartsWith('-') ? a[1..] : "";
            if (body == "nagios") nagios = true;
            else if (body.StartsWith("nagios=", StringComparison.Ordinal))
                nagios = body[7..] is "1" or "t" or "T" or "TRUE" or "true" or "True";
        }
        return nagios;
    }
}
