namespace SmtpDane.Tests.Dnssec;

/// <summary>Locates /work/shared/vectors at run time (env SMTPDANE_VECTORS, else walk up from the test
/// assembly looking for shared/vectors). A missing directory fails the test: it is never a skip.</summary>
internal static class VectorFiles
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Path(string relative)
    {
        var full = System.IO.Path.Combine(Root.Value, relative);
        Assert.True(File.Exists(full) || Directory.Exists(full), $"vector file missing: {full}");
        return full;
    }

    private static string Locate()
    {
        var env = Environment.GetEnvironmentVariable("SMTPDANE_VECTORS");
        if (!string.IsNullOrEmpty(env))
        {
            Assert.True(Directory.Exists(env), $"SMTPDANE_VECTORS={env} does not exist");
            return env;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "vectors");
            if (Directory.Exists(candidate)) return candidate;
        }
        Assert.Fail("conformance vectors not found: set SMTPDANE_VECTORS or place shared/vectors above the test directory");
        return "";
    }
}
