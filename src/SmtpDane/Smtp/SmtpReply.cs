namespace SmtpDane.Smtp;

/// <summary>One complete SMTP reply (RFC 5321 §4.2): a three-digit code and the text of each line, in order.
/// Text is already sanitised for display (see <see cref="ReplyParser"/>); it never contains control characters.</summary>
public sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    /// <summary>RFC 5321 §4.2.1: 2yz is "positive completion".</summary>
    public bool IsPositive => Code is >= 200 and < 300;

    /// <summary>RFC 5321 §4.2.1: 4yz is "transient negative completion".</summary>
    public bool IsTransientFailure => Code is >= 400 and < 500;

    /// <summary>RFC 5321 §4.2.1: 5yz is "permanent negative completion".</summary>
    public bool IsPermanentFailure => Code is >= 500 and < 600;

    /// <summary>The reply as one human-readable line, e.g. <c>554 no service | go away</c>.</summary>
    public override string ToString() => Lines.Count == 0 ? Code.ToString() : $"{Code} {string.Join(" | ", Lines)}";
}
