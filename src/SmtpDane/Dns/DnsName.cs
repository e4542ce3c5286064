using System.Text;

namespace SmtpDane.Dns;

/// <summary>An absolute domain name: an immutable list of labels held as raw octets (RFC 1035 §3.1, RFC 2181 §11:
/// any octet may occur in a label). Comparison and hashing are ASCII case-insensitive (RFC 4343 §2); the original
/// case is kept for display and for the exact received wire form.</summary>
public sealed class DnsName : IEquatable<DnsName>
{
    private readonly byte[][] _labels; // leftmost first, root label not stored

    /// <summary>The root name ".".</summary>
    public static DnsName Root { get; } = new([]);

    private DnsName(byte[][] labels) => _labels = labels;

    /// <summary>Number of labels, not counting the root (the RRSIG Labels rule, RFC 4034 §3.1.3).</summary>
    public int LabelCount => _labels.Length;

    public bool IsRoot => _labels.Length == 0;

    /// <summary>Octets in wire form, including every length octet and the terminating zero.</summary>
    public int WireLength
    {
        get
        {
            int n = 1;
            foreach (var l in _labels) n += 1 + l.Length;
            return n;
        }
    }

    /// <summary>Label <paramref name="index"/> counted from the left (0 = leftmost), as octets.</summary>
    public ReadOnlySpan<byte> Label(int index) => _labels[index];

    /// <summary>True when the leftmost label is the single octet "*" (RFC 4592 §2.1.1).</summary>
    public bool IsWildcard => _labels.Length > 0 && _labels[0] is [(byte)'*'];

    /// <summary>Builds a name from label octets (leftmost first). Throws <see cref="DnsNameFormatException"/>
    /// on empty or over-long labels or an over-long name.</summary>
    public static DnsName FromLabels(IEnumerable<byte[]> labels)
    {
        var copy = labels.Select(l => (byte[])l.Clone()).ToArray();
        var error = CheckLimits(copy);
        if (error is not null) throw new DnsNameFormatException(error);
        return new DnsName(copy);
    }

    /// <summary>For decoders that already enforced the limits; the arrays are taken over, not copied.</summary>
    internal static DnsName FromTrustedLabels(byte[][] labels) => labels.Length == 0 ? Root : new DnsName(labels);

    internal static string? CheckLimits(byte[][] labels)
    {
        int total = 1;
        foreach (var l in labels)
        {
            if (l.Length == 0) return "empty label";
            if (l.Length > DnsLimits.MaxLabelOctets)
                return $"label of {l.Length} octets exceeds {DnsLimits.MaxLabelOctets} (RFC 1035 §2.3.4)";
            total += 1 + l.Length;
        }
        return total > DnsLimits.MaxNameOctets
            ? $"name of {total} octets exceeds {DnsLimits.MaxNameOctets} (RFC 1035 §2.3.4)"
            : null;
    }

    /// <summary>Parses a name in presentation form as absolute (a trailing dot is optional). Escapes per RFC 1035 §5.1:
    /// <c>\DDD</c> (three decimal digits, 0–255) and <c>\X</c> (X taken literally).</summary>
    public static DnsName Parse(string text) => Parse(text, Root);

    /// <summary>Parses presentation form; a name without a trailing dot is relative to <paramref name="origin"/>
    /// (RFC 1035 §5.1). "@" is not handled here (that is zone-file syntax).</summary>
    public static DnsName Parse(string text, DnsName origin)
    {
        if (!TryParse(text, origin, out var name, out var error)) throw new DnsNameFormatException(error);
        return name;
    }

    public static bool TryParse(string text, out DnsName name, out string error) => TryParse(text, Root, out name, out error);

    public static bool TryParse(string text, DnsName origin, out DnsName name, out string error)
    {
        name = Root;
        error = "";
        if (text.Length == 0) { error = "empty name"; return false; }
        if (text == ".") return true;
        var labels = new List<byte[]>();
        var current = new List<byte>();
        bool absolute = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '.')
            {
                if (current.Count == 0) { error = $"empty label at position {i} in \"{text}\""; return false; }
                labels.Add(current.ToArray());
                current.Clear();
                if (i == text.Length - 1) absolute = true;
                continue;
            }
            if (c == '\\')
            {
                if (i + 1 >= text.Length) { error = $"dangling backslash in \"{text}\""; return false; }
                char n = text[i + 1];
                if (char.IsAsciiDigit(n))
                {
                    if (i + 3 >= text.Length || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3]))
                    { error = $"\\DDD escape needs three digits at position {i} in \"{text}\""; return false; }
                    int v = (n - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
                    if (v > 255) { error = $"\\{v} escape exceeds 255 in \"{text}\""; return false; }
                    current.Add((byte)v);
                    i += 3;
                }
                else
                {
                    if (n > 0x7E) { error = $"non-ASCII character after backslash in \"{text}\""; return false; }
                    current.Add((byte)n);
                    i += 1;
                }
                continue;
            }
            if (c <= ' ' || c > 0x7E) { error = $"character U+{(int)c:X4} must be escaped in \"{text}\""; return false; }
            current.Add((byte)c);
        }
        if (current.Count > 0) labels.Add(current.ToArray());
        if (!absolute) labels.AddRange(origin._labels);
        var arr = labels.ToArray();
        var limit = CheckLimits(arr);
        if (limit is not null) { error = $"{limit}: \"{text}\""; return false; }
        name = FromTrustedLabels(arr);
        return true;
    }

    /// <summary>Wire form as held (original case), uncompressed (RFC 1035 §3.1).</summary>
    public byte[] ToWire()
    {
        var buf = new byte[WireLength];
        WriteTo(buf, canonical: false);
        return buf;
    }

    /// <summary>Canonical wire form: uncompressed, ASCII upper case mapped to lower case (RFC 4034 §6.2).</summary>
    public byte[] ToCanonicalWire()
    {
        var buf = new byte[WireLength];
        WriteTo(buf, canonical: true);
        return buf;
    }

    /// <summary>Writes the uncompressed wire form into <paramref name="destination"/>; returns octets written.</summary>
    public int WriteTo(Span<byte> destination, bool canonical)
    {
        int p = 0;
        foreach (var l in _labels)
        {
            destination[p++] = (byte)l.Length;
            for (int i = 0; i < l.Length; i++) destination[p++] = canonical ? ToLower(l[i]) : l[i];
        }
        destination[p++] = 0;
        return p;
    }

    /// <summary>This name with the leftmost label removed; the root's parent is null.</summary>
    public DnsName? Parent => _labels.Length == 0 ? null : FromTrustedLabels(_labels[1..]);

    /// <summary>The rightmost <paramref name="count"/> labels (e.g. the closest encloser candidates, RFC 5155 §8.3).</summary>
    public DnsName Suffix(int count)
    {
        if (count < 0 || count > _labels.Length) throw new ArgumentOutOfRangeException(nameof(count));
        return FromTrustedLabels(_labels[(_labels.Length - count)..]);
    }

    /// <summary>A new name with <paramref name="label"/> prepended (e.g. "*" for the wildcard at a closest encloser).</summary>
    public DnsName Prepend(ReadOnlySpan<byte> label)
    {
        var arr = new byte[_labels.Length + 1][];
        arr[0] = label.ToArray();
        Array.Copy(_labels, 0, arr, 1, _labels.Length);
        var error = CheckLimits(arr);
        if (error is not null) throw new DnsNameFormatException(error);
        return new DnsName(arr);
    }

    /// <summary>True when this name equals <paramref name="ancestor"/> or lies below it (RFC 1034 §3.1), compared
    /// case-insensitively label by label (never by string suffix, so "badexample.com" is not under "example.com").</summary>
    public bool IsSubdomainOf(DnsName ancestor)
    {
        int d = _labels.Length - ancestor._labels.Length;
        if (d < 0) return false;
        for (int i = 0; i < ancestor._labels.Length; i++)
            if (!LabelEquals(_labels[d + i], ancestor._labels[i])) return false;
        return true;
    }

    /// <summary>RFC 4034 §6.1 canonical order: compare labels from the rightmost, each as a lower-cased octet string;
    /// a missing label sorts first. Negative, zero or positive like <see cref="IComparer{T}.Compare"/>.</summary>
    public static int CompareCanonical(DnsName a, DnsName b)
    {
        int i = a._labels.Length - 1, j = b._labels.Length - 1;
        while (i >= 0 && j >= 0)
        {
            int c = CompareLabel(a._labels[i], b._labels[j]);
            if (c != 0) return c;
            i--; j--;
        }
        return a._labels.Length.CompareTo(b._labels.Length);
    }

    /// <summary><see cref="CompareCanonical"/> as a comparer (for sorting NSEC owners and RRsets).</summary>
    public static IComparer<DnsName> CanonicalComparer { get; } = Comparer<DnsName>.Create(CompareCanonical);

    private static int CompareLabel(byte[] x, byte[] y)
    {
        int n = Math.Min(x.Length, y.Length);
        for (int k = 0; k < n; k++)
        {
            int c = ToLower(x[k]).CompareTo(ToLower(y[k]));
            if (c != 0) return c;
        }
        return x.Length.CompareTo(y.Length);
    }

    private static bool LabelEquals(byte[] x, byte[] y)
    {
        if (x.Length != y.Length) return false;
        for (int k = 0; k < x.Length; k++)
            if (ToLower(x[k]) != ToLower(y[k])) return false;
        return true;
    }

    /// <summary>ASCII-only case folding (RFC 4343 §3: octets outside A–Z are never folded).</summary>
    internal static byte ToLower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;

    public bool Equals(DnsName? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (_labels.Length != other._labels.Length) return false;
        for (int i = 0; i < _labels.Length; i++)
            if (!LabelEquals(_labels[i], other._labels[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is DnsName n && Equals(n);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var l in _labels)
        {
            h.Add(l.Length);
            foreach (var b in l) h.Add(ToLower(b));
        }
        return h.ToHashCode();
    }

    public static bool operator ==(DnsName? a, DnsName? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(DnsName? a, DnsName? b) => !(a == b);

    /// <summary>Presentation form with a trailing dot; special and non-printable octets escaped (RFC 1035 §5.1;
    /// RFC 4343 §2.1 for the \DDD form).</summary>
    public override string ToString()
    {
        if (_labels.Length == 0) return ".";
        var sb = new StringBuilder();
        foreach (var l in _labels)
        {
            AppendLabel(sb, l);
            sb.Append('.');
        }
        return sb.ToString();
    }

    internal static void AppendLabel(StringBuilder sb, ReadOnlySpan<byte> label)
    {
        foreach (var b in label)
        {
            if (b is (byte)'.' or (byte)'\\' or (byte)'"' or (byte)'(' or (byte)')' or (byte)';' or (byte)'@' or (byte)'$')
                sb.Append('\\').Append((char)b);
            else if (b <= 0x20 || b >= 0x7F)
                sb.Append('\\').Append(b.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            else
                sb.Append((char)b);
        }
    }
}
