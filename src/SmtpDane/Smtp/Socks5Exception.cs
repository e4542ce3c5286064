namespace SmtpDane.Smtp;

/// <summary>The SOCKS5 proxy refused or broke the CONNECT exchange.</summary>
internal sealed class Socks5Exception : Exception
{
    public Socks5Exception(string message) : base(message)
    {
    }
}
