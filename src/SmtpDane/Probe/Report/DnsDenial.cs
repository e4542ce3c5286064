namespace SmtpDane.Probe.Report;

/// <summary>Whether an answer denies existence; kept apart from <see cref="DnsSecurity"/> because a secure denial
/// ("proven absent") is a different result from a failed lookup (dane-rules.md §1).</summary>
public enum DnsDenial
{
    None,
    NxDomain,
    NoData,
}

public static class DnsDenialText
{
    public static string ToToken(this DnsDenial d) => d switch
    {
        DnsDenial.None => "none",
        DnsDenial.NxDomain => "nxdomain",
        DnsDenial.NoData => "nodata",
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };
}
