using System.Buffers.Binary;

namespace SmtpDane.Dns.Wire;

/// <summary>Growable big-endian writer with optional name compression for owner/question names.</summary>
internal sealed class WireWriter
{
    private byte[] _buf = new byte[512];
    public int Length { get; private set; }
    // Keyed by the exact octets (case-sensitive): a pointer must not change the case of the name it stands for.
    private readonly Dictionary<string, int>? _compression;

    public WireWriter(bool compress = false) => _compression = compress ? new() : null;

    private void Ensure(int n)
    {
        if (Length + n <= _buf.Length) return;
        Array.Resize(ref _buf, Math.Max(_buf.Length * 2, Length + n));
    }

    public void U8(byte v) { Ensure(1); _buf[Length++] = v; }
    public void U16(ushort v) { Ensure(2); BinaryPrimitives.WriteUInt16BigEndian(_buf.AsSpan(Length), v); Length += 2; }
    public void U32(uint v) { Ensure(4); BinaryPrimitives.WriteUInt32BigEndian(_buf.AsSpan(Length), v); Length += 4; }
    public void Bytes(ReadOnlySpan<byte> v) { Ensure(v.Length); v.CopyTo(_buf.AsSpan(Length)); Length += v.Length; }

    public void PatchU16(int at, ushort v) => BinaryPrimitives.WriteUInt16BigEndian(_buf.AsSpan(at), v);

    /// <summary>Writes a name; with compression enabled, a suffix already written is replaced by a pointer
    /// (RFC 1035 §4.1.4). Pointers can address only the first 16 KiB.</summary>
    public void Name(DnsName name, bool canonical = false)
    {
        if (_compression is null || canonical)
        {
            Ensure(name.WireLength);
            Length += name.WriteTo(_buf.AsSpan(Length), canonical);
            return;
        }
        var current = name;
        while (!current.IsRoot)
        {
            var key = Convert.ToBase64String(current.ToWire());
            if (_compression.TryGetValue(key, out var off))
            {
                U16((ushort)(0xC000 | off));
                return;
            }
            if (Length < 0x3FFF) _compression[key] = Length;
            var label = current.Label(0);
            U8((byte)label.Length);
            Bytes(label);
            current = current.Parent!;
        }
        U8(0);
    }

    public byte[] ToArray() => _buf.AsSpan(0, Length).ToArray();
}
