namespace SmtpDane.Dnssec.Crypto;

/// <summary>Checks the signature of one algorithm over signed data with a DNSKEY public key.</summary>
public delegate bool SignatureCheck(byte algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature);

/// <summary>Which algorithms are judged and how. Production uses <see cref="Default"/> (<see cref="AlgorithmPolicy"/> +
/// <see cref="SignatureVerifier"/>); conformance replays may add an algorithm the product refuses (e.g. the DSA keys
/// of Unbound's scenario files) to exercise the validation logic, as Unbound's own test harness does.</summary>
public sealed record CryptoSuite(Func<byte, bool> IsSupported, SignatureCheck Verify)
{
    public static CryptoSuite Default { get; } = new(AlgorithmPolicy.IsSupported, SignatureVerifier.Verify);
}
