using System.Buffers.Binary;

namespace SmtpDane.Dns.Wire;

/// <summary>Bounds-checked reader over a whole message (names may point anywhere before them) with a current
/// position and an end limit (the end of the message, or of one RDATA).</summary>
internal ref struct WireReader
{
    private readonly ReadOnlySpan<byte> _message;
    public int Position;
    public int End;

    public WireReader(ReadOnlySpan<byte> message, int position, int end)
    {
        _message = message; Position = position; End = end;
    }

    public readonly int Remaining => End - Position;

    private readonly void Need(int n, string what)
    {
        if (n > End - Position)
            throw new DnsFormatException(DnsFormatError.Truncated, Position, $"{what} needs {n} octets, {End - Position} left");
    }

    public byte U8(string what)
    {
        Need(1, what);
        return _message[Position++];
    }

    public ushort U16(string what)
    {
        Need(2, what);
        var v = BinaryPrimitives.ReadUInt16BigEndian(_message[Position..]);
        Position += 2;
        return v;
    }

    public uint U32(string what)
    {
        Need(4, what);
        var v = BinaryPrimitives.ReadUInt32BigEndian(_message[Position..]);
        Position += 4;
        return v;
    }

    public byte[] Bytes(int n, string what)
    {
        Need(n, what);
        var v = _message.Slice(Position, n).ToArray();
        Position += n;
        return v;
    }

    public byte[] Rest() => Bytes(Remaining, "rest");

    /// <summary>Reads a name at the current position (RFC 1035 §3.1, §4.1.4). When <paramref name="allowCompression"/>
    /// is false any pointer is a <see cref="DnsFormatError.PointerNotAllowed"/> error. The in-place part of the name
    /// must lie before <see cref="End"/>; pointer targets may lie anywhere strictly before the pointer.</summary>
    public DnsName Name(bool allowCompression)
    {
        var labels = new List<byte[]>();
        int total = 1;
        int pos = Position;
        int limit = End;          // octets of the name at the current stretch must lie before this
        int pointers = 0;
        bool jumped = false;
        while (true)
        {
            if (pos >= limit) throw new DnsFormatException(DnsFormatError.Truncated, pos, "name runs past the end");
            byte len = _message[pos];
            switch (len & 0xC0)
            {
                case 0x00:
                    if (len == 0)
                    {
                        if (!jumped) Position = pos + 1;
                        return DnsName.FromTrustedLabels(labels.ToArray());
                    }
                    if (pos + 1 + len > limit)
                        throw new DnsFormatException(DnsFormatError.Truncated, pos, "label runs past the end");
                    total += 1 + len;
                    if (total > DnsLimits.MaxNameOctets)
                        throw new DnsFormatException(DnsFormatError.NameTooLong, pos,
                            $"name exceeds {DnsLimits.MaxNameOctets} octets (RFC 1035 §2.3.4)");
                    labels.Add(_message.Slice(pos + 1, len).ToArray());
                    pos += 1 + len;
                    break;
                case 0xC0:
                    if (!allowCompression)
                        throw new DnsFormatException(DnsFormatError.PointerNotAllowed, pos,
                            "compression pointer where RFC 3597 §4 / RFC 4034 forbid compression");
                    if (pos + 2 > limit) throw new DnsFormatException(DnsFormatError.Truncated, pos, "pointer cut off");
                    int target = ((len & 0x3F) << 8) | _message[pos + 1];
                    // RFC 1035 §4.1.4: a pointer refers to a *prior* occurrence. Requiring every jump to land strictly
                    // before the pointer itself makes positions decrease, so no loop is possible.
                    if (target >= pos)
                        throw new DnsFormatException(DnsFormatError.ForwardPointer, pos,
                            $"pointer to {target} is not strictly backwards");
                    if (++pointers > DnsLimits.MaxCompressionPointers)
                        throw new DnsFormatException(DnsFormatError.TooManyPointers, pos, "too many compression pointers");
                    if (!jumped) { Position = pos + 2; jumped = true; }
                    limit = pos;   // the continuation lies entirely before this pointer
                    pos = target;
                    break;
                default:
                    throw new DnsFormatException(DnsFormatError.BadLabelType, pos,
                        $"label type 0x{len & 0xC0:X2} is not defined (RFC 6891 §5)");
            }
        }
    }
}
