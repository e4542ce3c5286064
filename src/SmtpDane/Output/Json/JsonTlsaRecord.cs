namespace SmtpDane.Output.Json;

public sealed record JsonTlsaRecord(string Record, string Outcome);
