namespace SmtpDane.Cli;

/// <summary>How a flag consumes arguments, in the Go <c>flag</c> package's terms.</summary>
public enum FlagKind
{
    /// <summary>Presence means true; <c>-flag=false</c> (or 0, f, F, FALSE, False) turns it off.</summary>
    Bool,
    /// <summary>Takes one value: <c>-flag value</c> or <c>-flag=value</c>. Repeating it keeps the last.</summary>
    Value,
    /// <summary>Takes one value per occurrence; every occurrence is kept, in order.</summary>
    Repeatable,
}
