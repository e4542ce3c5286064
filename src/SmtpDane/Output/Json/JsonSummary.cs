namespace SmtpDane.Output.Json;

/// <summary>The same tallies as the summary line and the Nagios perfdata.</summary>
public sealed record JsonSummary(
    int Endpoints,
    int Ok,
    int Warning,
    int Error,
    int TargetProblems,
    long? CertDays,
    long? RrsigDays);
