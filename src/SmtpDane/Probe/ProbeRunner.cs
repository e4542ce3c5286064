using System.Net;
using SmtpDane.Cli;
using SmtpDane.Dns;
using SmtpDane.Probe.Report;
using SmtpDane.Smtp;

namespace SmtpDane.Probe;

/// <summary>Orders the I/O of a run (architecture.md "Probe/"): targets, hosts and endpoints all run
/// concurrently; every wait is bounded by the global deadline; every decision is delegated to the pure judges
/// (<see cref="TargetPlanner"/>, <see cref="AddressJudge"/>, <see cref="TlsaJudge"/>, <see cref="EndpointJudge"/>).
/// When the deadline fires, whatever has not finished is reported as <c>timeout</c>.</summary>
public sealed class ProbeRunner
{
    /// <summary>Concurrent SMTP/TLS sessions at most. High enough for a large MX set probed over both address
    /// families at once; low enough not to look like an attack to the servers or exhaust file descriptors.</summary>
    public const int MaxConcurrentEndpoints = 64;

    /// <summary>Each SMTP/TLS step (one reply, the handshake) may take this many times -connect-timeout: a
    /// greeting delay ("tarpit") is normal on busy MXes, while a connect that slow is not.</summary>
    public const int IoTimeoutFactor = 3;

    private readonly IDnsLookup _dns;
    private readonly ProbeOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<SmtpProbeRequest, CancellationToken, Task<SmtpProbeResult>> _smtp;
    private readonly Action<string>? _trace;
    private readonly SemaphoreSlim _sessions = new(MaxConcurrentEndpoints);

    public ProbeRunner(IDnsLookup dns, ProbeOptions options, TimeProvider time, Action<string>? trace = null,
        Func<SmtpProbeRequest, CancellationToken, Task<SmtpProbeResult>>? smtp = null)
    {
        _dns = dns;
        _options = options;
        _time = time;
        _trace = trace;
        _smtp = smtp ?? SmtpProbe.RunAsync;
    }

    public async Task<ProbeReport> RunAsync(TrustMode trust, CancellationToken ct)
    {
        var started = _time.GetUtcNow();
        var judgedAt = _options.At ?? started;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.Timeout);
        var settings = new JudgeSettings(judgedAt, _options.ExpirationWarning, _options.RrsigExpirationWarning,
            _options.ExpectOcsp, _options.ShowCertInfo, _options.ShowCerts, _options.Aka);

        var targets = await Task.WhenAll(_options.Targets.Select(t => RunTargetAsync(t, settings, deadline.Token)));
        bool timedOut = deadline.IsCancellationRequested && !ct.IsCancellationRequested;
        return new ProbeReport(targets, started, judgedAt, _time.GetUtcNow() - started, trust,
            timedOut ? RunCompletion.GlobalTimeout : RunCompletion.Completed,
            new ReportSettings(_options.ExpirationWarning, _options.RrsigExpirationWarning, _options.Timeout),
            BuildInfo.Version);
    }

    private async Task<TargetReport> RunTargetAsync(TargetSpec target, JudgeSettings s, CancellationToken ct)
    {
        var kind = target.IsAddressLiteral ? TargetKind.IpLiteral
            : _options.Mode switch { TargetMode.Mx => TargetKind.Mx, TargetMode.Srv => TargetKind.Srv, _ => TargetKind.Host };
        TargetPlan plan;
        try
        {
            plan = await PlanAsync(target, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new TargetReport(target.Text, kind, [TimeoutFinding($"the global deadline ({GoDuration.Format(_options.Timeout)}) passed while looking up {target.Text}")], [], [], TargetJudgement.NotJudged);
        }

        string? original = kind is TargetKind.Mx or TargetKind.Srv ? target.Name : null;
        var hosts = await Task.WhenAll(plan.Hosts.Select(h => RunHostAsync(h, original, plan.Dns, s, ct)));
        var endpoints = hosts.SelectMany(h => h.Endpoints).ToList();
        var findings = plan.Findings.Concat(hosts.SelectMany(h => h.HostFindings)).ToList();
        var judgement = plan.Judgement == TargetJudgement.NotJudged ||
                        (endpoints.Count == 0 && hosts.Length > 0 && hosts.All(h => h.Judgement == TargetJudgement.NotJudged))
            ? TargetJudgement.NotJudged
            : TargetJudgement.Judged;
        return new TargetReport(target.Text, kind, findings, plan.Dns, endpoints, judgement);
    }

    private async Task<TargetPlan> PlanAsync(TargetSpec target, CancellationToken ct)
    {
        if (target.Address is { } literal)
            return new TargetPlan([new HostPlan(null, literal, null, target.Port ?? _options.Port)], [], [], TargetJudgement.Judged);
        var name = DnsName.Parse(target.Name!);
        switch (_options.Mode)
        {
            case TargetMode.Mx:
                return TargetPlanner.PlanMx(name, target.Port, _options.Port, await _dns.LookupAsync(name, RecordType.MX, ct));
            case TargetMode.Srv:
                // RFC 2782: _service._proto.name; only TCP services carry SMTP.
                var owner = name.Prepend("_tcp"u8).Prepend(System.Text.Encoding.ASCII.GetBytes("_" + _options.SrvService));
                return TargetPlanner.PlanSrv(owner, target.Port, await _dns.LookupAsync(owner, RecordType.SRV, ct));
            default:
                return new TargetPlan([new HostPlan(name, null, null, target.Port ?? _options.Port)], [], [], TargetJudgement.Judged);
        }
    }

    private async Task<HostOutcome> RunHostAsync(HostPlan host, string? original, IReadOnlyList<DnsFact> targetFacts,
        JudgeSettings s, CancellationToken ct)
    {
        EndpointContext ctx;
        IReadOnlyList<IPAddress> addresses;
        try
        {
            (ctx, addresses) = host.Name is { } name
                ? await ResolveHostAsync(host, name, original, targetFacts, ct)
                : await ResolveLiteralAsync(host, targetFacts, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new HostOutcome([], [TimeoutFinding($"the global deadline passed while resolving {host.Display}")], TargetJudgement.NotJudged);
        }

        if (addresses.Count == 0)
            return new HostOutcome([], ctx.Addresses?.Findings ?? [], ctx.Addresses?.Judgement ?? TargetJudgement.Judged);
        var endpoints = await Task.WhenAll(addresses.Select(a => ProbeEndpointAsync(ctx, a, s, ct)));
        return new HostOutcome(endpoints, [], TargetJudgement.Judged);
    }

    private async Task<(EndpointContext, IReadOnlyList<IPAddress>)> ResolveHostAsync(HostPlan host, DnsName name,
        string? original, IReadOnlyList<DnsFact> targetFacts, CancellationToken ct)
    {
        // One round trip for everything this host needs: A, AAAA and the TLSA RRset at the listed name are asked
        // together (dane-rules.md §3 step 5: the TLSA lookup may start in parallel; only its use waits).
        var a = _dns.LookupAsync(name, RecordType.A, ct);
        var aaaa = _dns.LookupAsync(name, RecordType.AAAA, ct);
        var tlsaOwner = TlsaJudge.OwnerFor(name, host.Port);
        var tlsaAtOriginal = _dns.LookupAsync(tlsaOwner, RecordType.TLSA, ct);
        var addresses = AddressJudge.Decide(name, await a, await aaaa, _options.Family);

        DnsAnswer? tlsaAtExpanded = null;
        if (addresses.ExpandedName is { } expanded)
            tlsaAtExpanded = await _dns.LookupAsync(TlsaJudge.OwnerFor(expanded, host.Port), RecordType.TLSA, ct);
        var tlsa = TlsaJudge.Decide(name, await tlsaAtOriginal, addresses.ExpandedName, tlsaAtExpanded);
        return (new EndpointContext(host, original, addresses, tlsa, targetFacts), addresses.Addresses);
    }

    /// <summary>An IP literal has no address lookup; DANE needs a TLSA base domain from -tlsa-name or -aka
    /// (cli.md "Invocation"), otherwise the report says why DANE cannot apply.</summary>
    private async Task<(EndpointContext, IReadOnlyList<IPAddress>)> ResolveLiteralAsync(HostPlan host,
        IReadOnlyList<DnsFact> targetFacts, CancellationToken ct)
    {
        string? baseText = _options.TlsaName ?? _options.Aka.FirstOrDefault();
        TlsaDecision? tlsa = null;
        if (baseText is not null)
        {
            var baseName = DnsName.Parse(baseText);
            tlsa = TlsaJudge.Decide(baseName, await _dns.LookupAsync(TlsaJudge.OwnerFor(baseName, host.Port), RecordType.TLSA, ct), null, null);
        }
        var literal = host.Literal!;
        bool allowed = _options.Family.Allows(literal);
        var decision = allowed
            ? new AddressDecision([literal], true, null, [], [], TargetJudgement.Judged)
            : new AddressDecision([], false, null,
                [new Finding(StatusToken.NoAddresses, Severity.Error, $"{literal} is filtered away by {_options.Family.FlagText()}")],
                [], TargetJudgement.Judged);
        return (new EndpointContext(host, null, decision, tlsa, targetFacts), decision.Addresses);
    }

    private async Task<EndpointReport> ProbeEndpointAsync(EndpointContext ctx, IPAddress address, JudgeSettings s, CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        try
        {
            await _sessions.WaitAsync(ct);
            try
            {
                var request = new SmtpProbeRequest(new IPEndPoint(address, ctx.Host.Port))
                {
                    HeloName = _options.Helo,
                    TlsOnConnect = _options.TlsOnConnect,
                    // RFC 7672 §8.1: SNI carries the TLSA base domain.
                    SniName = ctx.Tlsa?.BaseDomain.ToString().TrimEnd('.'),
                    ConnectTimeout = _options.ConnectTimeout,
                    IoTimeout = _options.ConnectTimeout * IoTimeoutFactor,
                    Socks5Proxy = _options.ProxyTcp,
                    Trace = _trace is null ? null : line => _trace($"[{ctx.Host.Display} {address}:{ctx.Host.Port}] {line}"),
                };
                var result = await _smtp(request, ct);
                return EndpointJudge.Judge(ctx, address, result, s);
            }
            finally
            {
                _sessions.Release();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new EndpointReport(ctx.Host.Display, address, ctx.Host.Port, ctx.Host.Preference,
                [TimeoutFinding($"the global deadline ({GoDuration.Format(_options.Timeout)}) passed before this endpoint finished")],
                ctx.Addresses?.Facts ?? [], null, null, _time.GetElapsedTime(started), null, [], null);
        }
    }

    private static Finding TimeoutFinding(string message) => new(StatusToken.Timeout, Severity.Error, message);
}
