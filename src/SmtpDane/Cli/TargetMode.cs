namespace SmtpDane.Cli;

/// <summary>What the targets name: mail hosts directly, or domains whose MX or SRV records list the hosts.</summary>
public enum TargetMode
{
    Host,
    Mx,
    Srv,
}
