using System.Runtime.InteropServices;

namespace SmtpDane.Cli;

/// <summary>What -version prints: enough for a bug report (which build, which runtime, which libraries).</summary>
public static class VersionText
{
    public static string Render() =>
        $"""
        smtpdane {BuildInfo.Version} (commit {ShortCommit})
        runtime: {RuntimeInformation.FrameworkDescription} {RuntimeInformation.RuntimeIdentifier}
        BouncyCastle.Cryptography {BuildInfo.BouncyCastle}
        ConsoleAppFramework {BuildInfo.ConsoleAppFramework} (source generator)
        DnsClient: not used (DNS and DNSSEC are the tool's own client; see README "Dependencies and why")
        """;

    private static string ShortCommit => BuildInfo.Commit.Length > 12 ? BuildInfo.Commit[..12] : BuildInfo.Commit;
}
