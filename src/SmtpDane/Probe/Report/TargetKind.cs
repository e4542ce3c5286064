namespace SmtpDane.Probe.Report;

/// <summary>How a command-line target was interpreted (cli.md "Invocation").</summary>
public enum TargetKind
{
    /// <summary>A host name (optionally <c>host:port</c>): its A/AAAA addresses are probed.</summary>
    Host,
    /// <summary>A domain probed through its MX RRset (<c>-mx</c>).</summary>
    Mx,
    /// <summary>A domain probed through its SRV RRset (<c>-srv</c>, <c>-submission(s)</c>).</summary>
    Srv,
    /// <summary>An IP literal: no address lookup; TLSA only through <c>-aka</c>/<c>-tlsa-name</c>.</summary>
    IpLiteral,
}

public static class TargetKindText
{
    /// <summary>Stable lower-case word used by every output mode (also in JSON).</summary>
    public static string ToText(this TargetKind k) => k switch
    {
        TargetKind.Host => "host",
        TargetKind.Mx => "mx",
        TargetKind.Srv => "srv",
        TargetKind.IpLiteral => "ip-literal",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };
}
