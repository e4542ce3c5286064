namespace SmtpDane.Smtp;

/// <summary>A typed protocol error found by <see cref="ReplyParser"/>, with a sentence for the operator.</summary>
public sealed record ReplyError(ReplyErrorKind Kind, string Message);
