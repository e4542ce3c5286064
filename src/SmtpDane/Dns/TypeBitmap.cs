namespace SmtpDane.Dns;

/// <summary>The set of RR types present at an NSEC/NSEC3 owner (RFC 4034 §4.1.2 window blocks; RFC 5155 §3.2.1).
/// Immutable; types kept sorted ascending.</summary>
public sealed class TypeBitmap : IEquatable<TypeBitmap>
{
    private readonly RecordType[] _types;

    public TypeBitmap(IEnumerable<RecordType> types) => _types = types.Distinct().Order().ToArray();

    public static TypeBitmap Empty { get; } = new([]);

    public IReadOnlyList<RecordType> Types => _types;

    public bool Contains(RecordType type) => Array.BinarySearch(_types, type) >= 0;

    /// <summary>Encodes as window blocks: window number, bitmap length 1–32, bitmap with trailing zero octets
    /// omitted (RFC 4034 §4.1.2).</summary>
    public byte[] ToWire()
    {
        var output = new List<byte>();
        foreach (var window in _types.GroupBy(t => (ushort)t >> 8))
        {
            var bits = new byte[32];
            int max = 0;
            foreach (var t in window)
            {
                int low = (ushort)t & 0xFF;
                bits[low >> 3] |= (byte)(0x80 >> (low & 7));
                max = Math.Max(max, (low >> 3) + 1);
            }
            output.Add((byte)window.Key);
            output.Add((byte)max);
            output.AddRange(bits.AsSpan(0, max).ToArray());
        }
        return output.ToArray();
    }

    /// <summary>Decodes window blocks; returns null with <paramref name="error"/> when blocks are out of order,
    /// repeated, or have a length outside 1–32, or the data ends inside a block (RFC 4034 §4.1.2). Empty windows and
    /// trailing zero octets (which senders MUST NOT produce) are tolerated: they change no type, and validation
    /// hashes the received octets anyway.</summary>
    public static TypeBitmap? TryDecode(ReadOnlySpan<byte> data, out string error)
    {
        error = "";
        var types = new List<RecordType>();
        int p = 0, lastWindow = -1;
        while (p < data.Length)
        {
            if (p + 2 > data.Length) { error = "type bitmap ends inside a window header"; return null; }
            int window = data[p], len = data[p + 1];
            if (window <= lastWindow) { error = "type bitmap windows not in increasing order"; return null; }
            if (len is < 1 or > 32) { error = $"type bitmap window length {len} outside 1..32"; return null; }
            if (p + 2 + len > data.Length) { error = "type bitmap window runs past RDATA"; return null; }
            for (int i = 0; i < len; i++)
            {
                byte b = data[p + 2 + i];
                for (int bit = 0; bit < 8; bit++)
                    if ((b & (0x80 >> bit)) != 0) types.Add((RecordType)((window << 8) | (i * 8 + bit)));
            }
            lastWindow = window;
            p += 2 + len;
        }
        return new TypeBitmap(types);
    }

    public bool Equals(TypeBitmap? other) => other is not null && _types.AsSpan().SequenceEqual(other._types);
    public override bool Equals(object? obj) => obj is TypeBitmap b && Equals(b);
    public override int GetHashCode() => _types.Length;

    public override string ToString() => string.Join(" ", _types.Select(t => t.ToText()));
}
