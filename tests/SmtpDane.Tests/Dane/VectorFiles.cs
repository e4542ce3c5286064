namespace SmtpDane.Tests.Dane;

/// <summary>Locates the shared conformance vectors at run time (team rule: never copied into the repo; a missing
/// directory is a failure, not a skip). SMTPDANE_VECTORS wins; otherwise walk up from the test assembly.</summary>
internal static class VectorFiles
{
    public static string Root
    {
        get
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
    }

    public static string PathOf(params string[] parts) =>
        Path.Combine([Root, .. parts]) is var p && File.Exists(p) ? p : throw new FileNotFoundException("vector file missing", p);
}
