using SmtpDane.Dns;

namespace SmtpDane.Dnssec;

/// <summary>A reply, or the reason there is none (timeout, network error, SERVFAIL…).</summary>
public sealed record UpstreamResult(UpstreamReply? Reply, DnsProblem? Problem)
{
    public static UpstreamResult Of(UpstreamReply reply) => new(reply, null);
    public static UpstreamResult Failed(DnsProblem problem) => new(null, problem);
}
