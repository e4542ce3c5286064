namespace SmtpDane.Tests.Dns;

/// <summary>Locates /work/shared/vectors at run time (env SMTPDANE_VECTORS, else walk up from the test assembly).
/// A missing directory fails the test (never a skip).</summary>
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
        throw new DirectoryNotFoundException("shared/vectors not found above " + AppContext.BaseDirectory);
    }

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));
}
