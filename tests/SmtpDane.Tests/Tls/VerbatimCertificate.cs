using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace SmtpDane.Tests.Tls;

/// <summary>A server-side certificate that goes on the wire exactly as given (BC's own re-encodes to DER).</summary>
internal sealed class VerbatimCertificate : BcTlsCertificate
{
    private readonly byte[] _encoding;

    public VerbatimCertificate(BcTlsCrypto crypto, byte[] encoding) : base(crypto, encoding) => _encoding = encoding;

    public override byte[] GetEncoded() => (byte[])_encoding.Clone();
}
