namespace SmtpDane.Probe;

/// <summary>How bad a finding is. Combination is written out in <see cref="SeverityExtensions.Worst"/>,
/// never by comparing enum values.</summary>
public enum Severity
{
    Ok,
    Warning,
    Error,
}

public static class SeverityExtensions
{
    public static Severity Worst(this Severity a, Severity b)
    {
        if (a == Severity.Error || b == Severity.Error) return Severity.Error;
        if (a == Severity.Warning || b == Severity.Warning) return Severity.Warning;
        return Severity.Ok;
    }

    public static string ToToken(this Severity s) => s switch
    {
        Severity.Ok => "ok",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}
