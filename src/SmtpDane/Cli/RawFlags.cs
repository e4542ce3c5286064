namespace SmtpDane.Cli;

/// <summary>Flag values exactly as ConsoleAppFramework bound them (strings; nothing validated yet).
/// Repeatable flags arrive joined with <see cref="ArgvNormaliser.RepeatSeparator"/>.</summary>
public sealed record RawFlags(
    bool Mx, string Srv, bool Submission, bool Submissions, string Port, bool TlsOnConnect, bool Ipv4, bool Ipv6,
    string Helo, string Aka, string ConnectTimeout, string ExpirationWarning, bool ExpectOcsp, bool ShowCertInfo,
    bool Showcerts, bool Nocertnames, bool Quiet, bool Terse, bool Nagios, bool Nocolor, bool Debug, string ProxyTcp,
    bool Version, bool Help, string Resolver, string Dnssec, string TrustAnchor, string TlsaName, string At,
    string RrsigExpirationWarning, string Timeout, bool Json);
