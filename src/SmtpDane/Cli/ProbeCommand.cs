namespace SmtpDane.Cli;

/// <summary>Runs the probe for validated options. (The probe pipeline lands with the DNS, TLS and DANE work.)</summary>
internal static class ProbeCommand
{
    public static int Run(ProbeOptions options, TextWriter stdout, TextWriter stderr)
    {
        const string message = "probing is not implemented in this build yet";
        if (options.Output == OutputMode.Nagios)
        {
            stdout.WriteLine($"SMTPDANE UNKNOWN - {message}");
            return UsageExitCodes.NagiosUnknown;
        }
        stderr.WriteLine($"smtpdane: {message}");
        return 1;
    }
}
