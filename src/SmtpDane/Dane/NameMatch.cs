namespace SmtpDane.Dane;

/// <summary>Which reference identifier matched which identifier presented by the certificate, and where the
/// presented identifier came from.</summary>
public sealed record NameMatch(string Reference, string Presented, PresentedNameSource Source);
