using ConsoleAppFramework;

namespace SmtpDane.Cli;

/// <summary>Binds the normalised flags to typed values with ConsoleAppFramework's source-generated parser
/// (no reflection). Values stay strings here; OptionsBuilder validates them with messages that
/// name the flag. The binder only ever sees flags the normaliser produced, so its own parse errors (which it
/// would report with exit code 1 — WARNING to Nagios) are internal faults and are turned into usage errors.</summary>
internal static class FlagBinder
{
    [ThreadStatic] private static RawFlags? bound;
    [ThreadStatic] private static List<string>? errors;
    private static int configured;

    public static RawFlags Bind(IReadOnlyList<string> binderArgs)
    {
        if (Interlocked.Exchange(ref configured, 1) == 0)
        {
            ConsoleApp.LogError = msg => (errors ??= []).Add(msg);
            ConsoleApp.Log = _ => { };
        }
        bound = null;
        errors = [];
        int savedExit = Environment.ExitCode;
        ConsoleApp.Run(binderArgs.ToArray(), Capture);
        Environment.ExitCode = savedExit; // ConsoleAppFramework sets 1 on its own errors; we decide exit codes
        var result = bound;
        bound = null;
        if (result is null)
            throw new UsageException("cannot parse the command line: " + string.Join("; ", errors.Select(e => e.Split('\n')[0])));
        return result;
    }

    /// <summary>The command ConsoleAppFramework binds to. Parameter names become the kebab-case option names
    /// listed as <see cref="FlagSpec.Bound"/> in <see cref="FlagTable"/>.</summary>
    private static void Capture(
        bool mx = false, string srv = "", bool submission = false, bool submissions = false, string port = "",
        bool tlsOnConnect = false, bool ipv4 = false, bool ipv6 = false, string helo = "", string aka = "",
        string connectTimeout = "", string expirationWarning = "", bool expectOcsp = false, bool showCertInfo = false,
        bool showcerts = false, bool nocertnames = false, bool quiet = false, bool terse = false, bool nagios = false,
        bool nocolor = false, bool debug = false, string proxyTcp = "", bool showVersion = false, bool showHelp = false,
        string resolver = "", string dnssec = "", string trustAnchor = "", string tlsaName = "", string at = "",
        string rrsigExpirationWarning = "", string timeout = "", bool json = false)
    {
        bound = new RawFlags(mx, srv, submission, submissions, port, tlsOnConnect, ipv4, ipv6, helo, aka,
            connectTimeout, expirationWarning, expectOcsp, showCertInfo, showcerts, nocertnames, quiet, terse, nagios,
            nocolor, debug, proxyTcp, showVersion, showHelp, resolver, dnssec, trustAnchor, tlsaName, at,
            rrsigExpirationWarning, timeout, json);
    }
}
