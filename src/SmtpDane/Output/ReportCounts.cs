using SmtpDane.Probe;
using SmtpDane.Probe.Report;

namespace SmtpDane.Output;

/// <summary>Endpoint tallies for summary lines and perfdata, plus the number of targets whose OWN findings
/// (mx-insecure, null-mx, dns-failed, …) are not OK — those have no endpoint to be counted under.</summary>
public sealed record ReportCounts(int Endpoints, int Ok, int Warning, int Error, int TargetProblems)
{
    public static ReportCounts Of(ProbeReport report)
    {
        int ok = 0, warning = 0, error = 0;
        foreach (var e in report.AllEndpoints)
        {
            switch (e.Severity)
            {
                case Severity.Ok: ok++; break;
                case Severity.Warning: warning++; break;
                case Severity.Error: error++; break;
            }
        }
        int targetProblems = report.Targets.Count(t => t.OwnVerdict.Severity != Severity.Ok);
        return new ReportCounts(ok + warning + error, ok, warning, error, targetProblems);
    }
}
