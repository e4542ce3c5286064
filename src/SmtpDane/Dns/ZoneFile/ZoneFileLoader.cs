namespace SmtpDane.Dns.ZoneFile;

/// <summary>The thin I/O edge of <see cref="ZoneFileParser"/>: reads a file (e.g. <c>-trust-anchor FILE</c>) and parses it.
/// File-system errors come back as <see cref="ZoneFileException"/> at line 0 so callers handle one error type.</summary>
public static class ZoneFileLoader
{
    /// <summary>Files larger than this are refused: a trust-anchor or test zone is kilobytes.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    public static IReadOnlyList<ResourceRecord> Load(string path, DnsName? origin = null, uint? defaultTtl = null)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
                throw new ZoneFileException(path, 0, $"file larger than {MaxFileBytes} bytes");
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ZoneFileException(path, 0, e.Message);
        }
        return ZoneFileParser.Parse(text, path, origin, defaultTtl);
    }
}
