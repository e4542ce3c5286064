namespace SmtpDane.Smtp;

/// <summary>What <see cref="ReplyParser.TryTake"/> found: a complete reply, a protocol error, or nothing yet.</summary>
public readonly record struct ReplyParseResult(SmtpReply? Reply, ReplyError? Error)
{
    public static ReplyParseResult NeedMoreData => default;

    public bool IsComplete => Reply is not null || Error is not null;
}
