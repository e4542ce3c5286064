namespace SmtpDane.Dns;

/// <summary>Why an answer is not Secure, or why it failed. <paramref name="EdeCode"/> is the RFC 8914 INFO-CODE
/// that fits (from the resolver's EDE option, or <see cref="DnsProblemKinds.EdeCode"/>).</summary>
public sealed record DnsProblem(DnsProblemKind Kind, ushort? EdeCode, string Message)
{
    /// <summary>A problem whose EDE code is the standard one for its kind.</summary>
    public static DnsProblem Of(DnsProblemKind kind, string message) => new(kind, kind.EdeCode(), message);
}
