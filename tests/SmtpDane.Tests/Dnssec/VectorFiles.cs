using SmtpDane.Tests.Dns;

namespace SmtpDane.Tests.Dnssec;

/// <summary>A vector file under shared/vectors (located by <see cref="TestVectors"/>); a missing file fails the test.</summary>
internal static class VectorFiles
{
    public static string Path(string relative)
    {
        var full = TestVectors.PathOf(relative);
        Assert.True(File.Exists(full) || Directory.Exists(full), $"vector file missing: {full}");
        return full;
    }
}
