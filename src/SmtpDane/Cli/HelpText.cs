using System.Text;

namespace SmtpDane.Cli;

/// <summary>-help: every flag from <see cref="FlagTable"/> with its default, in the Go tool's familiar shape.</summary>
public static class HelpText
{
    public static string Render()
    {
        var sb = new StringBuilder();
        sb.AppendLine("Usage: smtpdane [flags] target...");
        sb.AppendLine("  target: host, host:port, [IPv6]:port, an IP literal, or with -mx/-srv/-submission(s) a domain[:port]");
        sb.AppendLine("  Flags take one or two dashes; values as -flag value or -flag=value; booleans as -flag or -flag=false.");
        sb.AppendLine();
        Section(sb, "Flags:", FlagTable.All.Where(f => !f.Added));
        sb.AppendLine();
        Section(sb, "Flags added by this implementation:", FlagTable.All.Where(f => f.Added));
        sb.AppendLine();
        sb.AppendLine("Environment: DNS_RESOLVER (IP[:port] list, overrides /etc/resolv.conf), NO_COLOR.");
        sb.AppendLine("Exit codes: 0 all OK, 1 warnings or errors, 2 usage error;");
        sb.AppendLine("  with -nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (usage error, nothing judged, global timeout).");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, IEnumerable<FlagSpec> flags)
    {
        sb.AppendLine(title);
        foreach (var f in flags)
        {
            string names = string.Join(", ", new[] { f.Name }.Concat(f.Aliases).Select(n => "-" + n));
            if (f.ValueName is not null) names += " " + f.ValueName;
            string def = f.Kind == FlagKind.Bool || f.Default.Length == 0 ? "" : $" (default {f.Default})";
            sb.Append("  ").Append(names.PadRight(34)).Append(' ').Append(f.Help).AppendLine(def);
        }
    }
}
