using System.Text;
using SmtpDane.Smtp;

namespace SmtpDane.Tests.Smtp;

public class ReplyParserTests
{
    public enum Feed { Whole, LineByLine, ByteByByte }

    /// <summary>Feeds <paramref name="transcript"/> in the given way and collects every reply until an error or the
    /// end of input.</summary>
    private static (List<SmtpReply> Replies, ReplyError? Error, ReplyParser Parser) Run(byte[] transcript, Feed feed)
    {
        var parser = new ReplyParser();
        var replies = new List<SmtpReply>();
        foreach (var chunk in Chunks(transcript, feed))
        {
            parser.Append(chunk);
            while (true)
            {
                var r = parser.TryTake();
                if (r.Error is not null) return (replies, r.Error, parser);
                if (r.Reply is null) break;
                replies.Add(r.Reply);
            }
        }
        return (replies, null, parser);
    }

    private static IEnumerable<byte[]> Chunks(byte[] data, Feed feed)
    {
        switch (feed)
        {
            case Feed.Whole:
                yield return data;
                break;
            case Feed.ByteByByte:
                foreach (var b in data) yield return new[] { b };
                break;
            default:
                int start = 0;
                for (int i = 0; i < data.Length; i++)
                {
                    if (data[i] == (byte)'\n') { yield return data[start..(i + 1)]; start = i + 1; }
                }
                if (start < data.Length) yield return data[start..];
                break;
        }
    }

    public static TheoryData<string, string, string[]> GoodTranscripts => new()
    {
        // description, transcript, expected replies rendered as "code|line1|line2..."
        { "single-line banner", "220 mx.example ESMTP\r\n", new[] { "220|mx.example ESMTP" } },
        { "multi-line EHLO reply", "250-mx.example\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n",
            new[] { "250|mx.example|PIPELINING|STARTTLS|8BITMIME" } },
        { "code without text (RFC 5321 §4.2 allows it)", "250\r\n", new[] { "250|" } },
        { "bare LF line ends are accepted", "220 hi\n250-a\n250 b\n", new[] { "220|hi", "250|a|b" } },
        { "two replies in one stream", "220 hi\r\n221 bye\r\n", new[] { "220|hi", "221|bye" } },
        { "control characters are made display-safe", "220 a\u001b[31mb\tc\r\n", new[] { "220|a?[31mb c" } },
        { "multi-line with empty continuation text", "250-\r\n250 x\r\n", new[] { "250||x" } },
    };

    [Theory]
    [MemberData(nameof(GoodTranscripts))]
    public void Parses_good_transcripts_the_same_whatever_the_chunking(string description, string transcript, string[] expected)
    {
        foreach (var feed in Enum.GetValues<Feed>())
        {
            var (replies, error, _) = Run(Encoding.Latin1.GetBytes(transcript), feed);
            Assert.True(error is null, $"{description} ({feed}): {error}");
            var rendered = replies.Select(r => r.Code + "|" + string.Join("|", r.Lines)).ToArray();
            Assert.Equal(expected, rendered);
        }
    }

    public static TheoryData<string, string, ReplyErrorKind, int> BadTranscripts => new()
    {
        // description, transcript, expected error, replies parsed before the error
        { "letters instead of a code", "HELLO there\r\n", ReplyErrorKind.MalformedCode, 0 },
        { "first digit out of range 2-5", "620 x\r\n", ReplyErrorKind.MalformedCode, 0 },
        { "second digit out of range 0-5", "260 x\r\n", ReplyErrorKind.MalformedCode, 0 },
        { "code too short", "25\r\n", ReplyErrorKind.MalformedCode, 0 },
        { "empty line", "\r\n", ReplyErrorKind.MalformedCode, 0 },
        { "no separator after the code", "220x\r\n", ReplyErrorKind.MalformedSeparator, 0 },
        { "codes differ within a multi-line reply", "250-a\r\n251 b\r\n", ReplyErrorKind.InconsistentCode, 0 },
        { "garbage after a good reply", "220 ok\r\nxyz\r\n", ReplyErrorKind.MalformedCode, 1 },
        { "TLS handshake record instead of a banner", "\u0016\u0003\u0001\u0000\u00a0", ReplyErrorKind.TlsRecord, 0 },
        { "TLS alert record instead of a reply", "\u0015\u0003\u0003\u0000\u0002\u0002\u0046", ReplyErrorKind.TlsRecord, 0 },
    };

    [Theory]
    [MemberData(nameof(BadTranscripts))]
    public void Reports_typed_errors_the_same_whatever_the_chunking(string description, string transcript, ReplyErrorKind expected, int repliesBefore)
    {
        foreach (var feed in Enum.GetValues<Feed>())
        {
            var (replies, error, _) = Run(Encoding.Latin1.GetBytes(transcript), feed);
            Assert.True(error is not null, $"{description} ({feed}): no error");
            Assert.Equal(expected, error!.Kind);
            Assert.Equal(repliesBefore, replies.Count);
        }
    }

    [Fact]
    public void Garbage_code_is_reported_before_the_line_ends()
    {
        var parser = new ReplyParser();
        parser.Append("XY"u8);
        Assert.Equal(ReplyErrorKind.MalformedCode, parser.TryTake().Error?.Kind);
    }

    [Fact]
    public void Oversized_line_is_reported_without_waiting_for_its_end()
    {
        var parser = new ReplyParser();
        parser.Append(Encoding.ASCII.GetBytes("220 " + new string('a', ReplyParser.MaxLineLength)));
        Assert.Equal(ReplyErrorKind.LineTooLong, parser.TryTake().Error?.Kind);
    }

    [Fact]
    public void Line_of_exactly_the_maximum_length_is_accepted()
    {
        var line = "220 " + new string('a', ReplyParser.MaxLineLength - 6) + "\r\n";
        Assert.Equal(ReplyParser.MaxLineLength, line.Length);
        var (replies, error, _) = Run(Encoding.ASCII.GetBytes(line), Feed.Whole);
        Assert.Null(error);
        Assert.Single(replies);
    }

    [Fact]
    public void Complete_oversized_line_is_reported()
    {
        var line = "220 " + new string('a', ReplyParser.MaxLineLength) + "\r\n";
        var (_, error, _) = Run(Encoding.ASCII.GetBytes(line), Feed.Whole);
        Assert.Equal(ReplyErrorKind.LineTooLong, error?.Kind);
    }

    [Fact]
    public void Too_many_lines_are_reported()
    {
        var sb = new StringBuilder();
        for (int i = 0; i <= ReplyParser.MaxReplyLines; i++) sb.Append("250-x\r\n");
        sb.Append("250 end\r\n");
        var (_, error, _) = Run(Encoding.ASCII.GetBytes(sb.ToString()), Feed.LineByLine);
        Assert.Equal(ReplyErrorKind.TooManyLines, error?.Kind);
    }

    [Fact]
    public void Too_many_bytes_in_one_reply_are_reported()
    {
        var sb = new StringBuilder();
        var longText = new string('b', 1000);
        for (int i = 0; i < 20; i++) sb.Append("250-").Append(longText).Append("\r\n"); // 20 lines, ~20 KB
        sb.Append("250 end\r\n");
        var (_, error, _) = Run(Encoding.ASCII.GetBytes(sb.ToString()), Feed.Whole);
        Assert.Equal(ReplyErrorKind.ReplyTooLong, error?.Kind);
    }

    [Fact]
    public void Errors_are_sticky()
    {
        var parser = new ReplyParser();
        parser.Append("bad\r\n"u8);
        Assert.NotNull(parser.TryTake().Error);
        parser.Append("220 ok\r\n"u8);
        Assert.NotNull(parser.TryTake().Error);
    }

    [Fact]
    public void Bytes_after_a_reply_stay_buffered_and_can_be_counted_and_discarded()
    {
        // The STARTTLS injection shape: the 220 and an injected line arrive in one segment.
        var parser = new ReplyParser();
        parser.Append("220 go\r\n250 injected\r\n"u8);
        Assert.Equal(220, parser.TryTake().Reply?.Code);
        Assert.Equal("250 injected\r\n".Length, parser.BufferedByteCount);
        Assert.Equal("250 injected\r\n".Length, parser.DiscardBuffered());
        Assert.Equal(0, parser.BufferedByteCount);
        Assert.False(parser.TryTake().IsComplete);
    }

    [Fact]
    public void A_partial_multi_line_reply_counts_as_buffered()
    {
        var parser = new ReplyParser();
        parser.Append("250-a\r\n250"u8);
        Assert.False(parser.TryTake().IsComplete);
        Assert.Equal(10, parser.BufferedByteCount);
    }
}
