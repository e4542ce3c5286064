using System.Net.Sockets;

namespace SmtpDane.Probe.Report;

/// <summary>The stable output order (cli.md "Output"): endpoints by MX preference / SRV priority (absent last),
/// then host name (ASCII case-insensitive, trailing dot ignored — DNS names compare case-insensitively,
/// RFC 4343), then address (IPv4 before IPv6, then by address bytes, then scope), then port. Output order must
/// never depend on which connection finished first.</summary>
public sealed class EndpointOrder : IComparer<EndpointReport>
{
    public static readonly EndpointOrder Instance = new();

    public static IReadOnlyList<EndpointReport> Sort(IEnumerable<EndpointReport> endpoints) =>
        endpoints.Order(Instance).ToList();

    public int Compare(EndpointReport? x, EndpointReport? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int c = ComparePreference(x.Preference, y.Preference);
        if (c != 0) return c;
        c = CompareNames(x.Host, y.Host);
        if (c != 0) return c;
        c = CompareAddresses(x.Address, y.Address);
        if (c != 0) return c;
        return x.Port.CompareTo(y.Port);
    }

    private static int ComparePreference(int? a, int? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => a.Value.CompareTo(b.Value),
    };

    /// <summary>DNS name order used everywhere in the output: ordinal, ASCII case-insensitive, ignoring one
    /// trailing root dot (so <c>MX.example.org.</c> and <c>mx.example.org</c> sort together).</summary>
    public static int CompareNames(string a, string b) =>
        StringComparer.OrdinalIgnoreCase.Compare(TrimRoot(a), TrimRoot(b));

    private static string TrimRoot(string name) =>
        name.Length > 1 && name.EndsWith('.') ? name[..^1] : name;

    private static int CompareAddresses(System.Net.IPAddress a, System.Net.IPAddress b)
    {
        int c = FamilyRank(a).CompareTo(FamilyRank(b));
        if (c != 0) return c;
        c = a.GetAddressBytes().AsSpan().SequenceCompareTo(b.GetAddressBytes());
        if (c != 0) return c;
        return a.AddressFamily == AddressFamily.InterNetworkV6 ? a.ScopeId.CompareTo(b.ScopeId) : 0;
    }

    private static int FamilyRank(System.Net.IPAddress a) => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1;
}
