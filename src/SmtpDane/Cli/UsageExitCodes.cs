namespace SmtpDane.Cli;

/// <summary>Exit codes for a command line that cannot run (cli.md "Exit codes"). 1 must never be used for
/// this: Nagios reads 1 as WARNING.</summary>
public static class UsageExitCodes
{
    public const int Usage = 2;
    public const int NagiosUnknown = 3;

    public static int For(bool nagios) => nagios ? NagiosUnknown : Usage;
}
