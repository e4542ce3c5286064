namespace SmtpDane.Smtp;

/// <summary>
/// Incremental, size-capped SMTP reply parser (RFC 5321 §4.2). Feed it arbitrary byte chunks with
/// <see cref="Append"/>, then call <see cref="TryTake"/> until it says it needs more data. Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// Decisions, with reasons:
/// <list type="bullet">
/// <item>Line ends: RFC 5321 §2.3.8 says lines end in CRLF. We also accept a bare LF (and strip one CR before it),
/// like Postfix's smtp client: a server that ends lines in LF is sloppy, not hostile, and rejecting it would report
/// an SMTP failure where the TLS/DANE facts are still measurable. A bare CR elsewhere is kept as text ("?").</item>
/// <item>Codes are checked against the §4.2 grammar (Reply-code = %x32-35 %x30-35 %x30-39) as soon as the first
/// octets of a line arrive, without waiting for the line end, so a TLS server (first octet 0x16) or garbage is
/// reported at once instead of after a timeout.</item>
/// <item>Text is made display-safe: printable ASCII is kept, TAB becomes a space, every other octet becomes "?",
/// because reply text reaches the operator's terminal and a hostile server must not send escape sequences.</item>
/// <item>Errors are sticky: after the first error the stream is out of sync and nothing more is parsed.</item>
/// </list>
/// </remarks>
public sealed class ReplyParser
{
    /// <summary>Longest accepted reply line, terminator included. RFC 5321 §4.5.3.1.5 sets 512 octets, but real
    /// servers exceed it with long banners and EHLO keyword lists; 2048 is Postfix's <c>line_length_limit</c> and still
    /// bounds the memory one line can take.</summary>
    public const int MaxLineLength = 2048;

    /// <summary>Most lines accepted in one multi-line reply. An EHLO reply lists a dozen or two extensions; 100 leaves
    /// room for verbose servers while stopping an endless "250-" stream.</summary>
    public const int MaxReplyLines = 100;

    /// <summary>Most octets accepted in one reply (all lines). 16 KiB is far above any real EHLO reply and bounds
    /// the memory a hostile server can make us hold.</summary>
    public const int MaxReplyBytes = 16 * 1024;

    private byte[] _buffer = new byte[512];
    private int _length;      // bytes in _buffer
    private int _position;    // start of the first line not yet consumed
    private readonly List<string> _lines = new();
    private int _code = -1;   // code of the reply in progress, -1 when none
    private int _replyBytes;  // octets consumed by the reply in progress
    private ReplyError? _error;

    /// <summary>Octets received but not yet part of a returned reply (including a reply in progress).</summary>
    public int BufferedByteCount => _length - _position + _replyBytes;

    /// <summary>Adds received octets. Cheap; parsing happens in <see cref="TryTake"/>.</summary>
    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (_error is not null || chunk.IsEmpty) return;
        Compact();
        if (_length + chunk.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + chunk.Length));
        }
        chunk.CopyTo(_buffer.AsSpan(_length));
        _length += chunk.Length;
    }

    /// <summary>Returns the next complete reply, a protocol error, or <see cref="ReplyParseResult.NeedMoreData"/>.</summary>
    public ReplyParseResult TryTake()
    {
        if (_error is not null) return new ReplyParseResult(null, _error);
        while (true)
        {
            var pending = _buffer.AsSpan(_position, _length - _position);
            int lf = pending.IndexOf((byte)'\n');
            if (lf < 0)
            {
                // No complete line yet: still reject what is already provably wrong, so hostile input ends at once.
                var early = CheckLineStart(pending, complete: false);
                if (early is null && pending.Length > MaxLineLength)
                {
                    early = new ReplyError(ReplyErrorKind.LineTooLong,
                        $"reply line longer than {MaxLineLength} octets without a line end");
                }
                return early is null ? ReplyParseResult.NeedMoreData : Fail(early);
            }

            int lineTotal = lf + 1;
            if (lineTotal > MaxLineLength)
            {
                return Fail(new ReplyError(ReplyErrorKind.LineTooLong, $"reply line of {lineTotal} octets exceeds {MaxLineLength}"));
            }
            var line = pending[..lf];
            if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];

            var lineError = CheckLineStart(line, complete: true);
            if (lineError is not null) return Fail(lineError);

            int code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
            bool isLast = line.Length == 3 || line[3] == (byte)' ';
            string text = line.Length > 4 ? Sanitize(line[4..]) : "";

            // RFC 5321 §4.2.1: every line of a multi-line reply carries the same code.
            if (_code >= 0 && code != _code)
            {
                return Fail(new ReplyError(ReplyErrorKind.InconsistentCode, $"multi-line reply started with {_code} but a line has {code}"));
            }
            if (_lines.Count + 1 > MaxReplyLines)
            {
                return Fail(new ReplyError(ReplyErrorKind.TooManyLines, $"reply has more than {MaxReplyLines} lines"));
            }
            if (_replyBytes + lineTotal > MaxReplyBytes)
            {
                return Fail(new ReplyError(ReplyErrorKind.ReplyTooLong, $"reply longer than {MaxReplyBytes} octets"));
            }

            _position += lineTotal;
            _replyBytes += lineTotal;
            _code = code;
            _lines.Add(text);
            if (isLast)
            {
                var reply = new SmtpReply(code, _lines.ToArray());
                _lines.Clear();
                _code = -1;
                _replyBytes = 0;
                return new ReplyParseResult(reply, null);
            }
        }
    }

    /// <summary>Drops every buffered octet (used at the STARTTLS boundary, RFC 3207 §4.2: the client must discard
    /// what it learned before TLS) and returns how many there were.</summary>
    public int DiscardBuffered()
    {
        int count = BufferedByteCount;
        _position = _length = 0;
        _lines.Clear();
        _code = -1;
        _replyBytes = 0;
        return count;
    }

    private ReplyParseResult Fail(ReplyError error)
    {
        _error = error;
        return new ReplyParseResult(null, error);
    }

    private void Compact()
    {
        if (_position == 0) return;
        _buffer.AsSpan(_position, _length - _position).CopyTo(_buffer);
        _length -= _position;
        _position = 0;
    }

    /// <summary>Checks the reply-code and separator of a (possibly incomplete) line against RFC 5321 §4.2:
    /// <c>Reply-code = %x32-35 %x30-35 %x30-39</c>, then SP, "-", or the end of the line.</summary>
    internal static ReplyError? CheckLineStart(ReadOnlySpan<byte> line, bool complete)
    {
        // A TLS record starts with content type 20..23 (RFC 8446 §5.1); no SMTP reply can.
        if (line.Length >= 1 && line[0] is >= 20 and <= 23)
        {
            return new ReplyError(ReplyErrorKind.TlsRecord,
                "received a TLS record where an SMTP reply was expected (a TLS-on-connect port?)");
        }
        if (line.Length >= 1 && line[0] is < (byte)'2' or > (byte)'5') return BadCode(line);
        if (line.Length >= 2 && line[1] is < (byte)'0' or > (byte)'5') return BadCode(line);
        if (line.Length >= 3 && line[2] is < (byte)'0' or > (byte)'9') return BadCode(line);
        if (complete && line.Length < 3) return BadCode(line);
        // An incomplete line may end in the CR of its CRLF ("250\r"), which is not yet a bad separator.
        if (line.Length >= 4 && line[3] != (byte)' ' && line[3] != (byte)'-' && !(!complete && line.Length == 4 && line[3] == (byte)'\r'))
        {
            return new ReplyError(ReplyErrorKind.MalformedSeparator,
                $"reply line \"{Sanitize(line[..Math.Min(line.Length, 40)])}\" has no SP or \"-\" after the code");
        }
        return null;
    }

    private static ReplyError BadCode(ReadOnlySpan<byte> line) =>
        new(ReplyErrorKind.MalformedCode, $"not an SMTP reply code: \"{Sanitize(line[..Math.Min(line.Length, 40)])}\"");

    /// <summary>Printable ASCII kept, TAB → space, everything else → "?" (display safety, see remarks).</summary>
    internal static string Sanitize(ReadOnlySpan<byte> text)
    {
        return string.Create(text.Length, text.ToArray(), static (dest, src) =>
        {
            for (int i = 0; i < src.Length; i++)
            {
                byte b = src[i];
                dest[i] = b == (byte)'\t' ? ' ' : b is >= 0x20 and < 0x7F ? (char)b : '?';
            }
        });
    }
}
