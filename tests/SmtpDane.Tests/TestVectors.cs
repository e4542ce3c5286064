namespace SmtpDane.Tests;

/// <summary>Locates the shared conformance vectors (../shared/vectors) at run time: env SMTPDANE_VECTORS, else
/// the first shared/vectors above the test assembly. They are never copied into the repository, and a missing
/// directory or file fails the test (never a skip).</summary>
public static class TestVectors
{
    public static string Root { get; } = Locate();

    private static string Locate()
    {
        var env = Environment.GetEnvironmentVariable("SMTPDANE_VECTORS");
        if (!string.IsNullOrEmpty(env))
            return Directory.Exists(env) ? env : throw new DirectoryNotFoundException($"SMTPDANE_VECTORS={env} does not exist");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "vectors");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("shared/vectors not found above " + AppContext.BaseDirectory + " (set SMTPDANE_VECTORS)");
    }

    /// <summary>The full path of a vector file or folder, e.g. "dnssec/rfc5702/rsasha256.zone"; missing → failure.</summary>
    public static string PathOf(string relative)
    {
        var full = Path.Combine(Root, relative);
        return File.Exists(full) || Directory.Exists(full) ? full : throw new FileNotFoundException("vector file missing", full);
    }

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));
}
