namespace SmtpDane.Dns.ZoneFile;

/// <summary>A zone-file (presentation format, RFC 1035 §5) entry could not be parsed. <see cref="Line"/> is the
/// 1-based line where the offending entry starts.</summary>
public sealed class ZoneFileException(string source, int line, string detail)
    : Exception($"{source}:{line}: {detail}")
{
    public string FileName { get; } = source;
    public int Line { get; } = line;
    public string Detail { get; } = detail;
}
