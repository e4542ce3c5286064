namespace SmtpDane.Output.Json;

public sealed record JsonTlsaMatch(string Record, int Depth);
