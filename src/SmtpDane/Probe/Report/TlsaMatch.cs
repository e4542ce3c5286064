namespace SmtpDane.Probe.Report;

/// <summary>The record that decided a DANE pass, and the chain depth it matched at (0 = leaf).</summary>
public sealed record TlsaMatch(string Record, int Depth);
