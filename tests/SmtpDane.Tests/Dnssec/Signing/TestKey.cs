using System.Security.Cryptography;
using SmtpDane.Dns;
using SmtpDane.Dnssec;
using SmtpDane.Dnssec.Crypto;

namespace SmtpDane.Tests.Dnssec.Signing;

/// <summary>An ECDSA P-256 (algorithm 13) zone key generated in the test; signs RRsets over the product's canonical
/// signed-data form (RFC 4034 §3.1.8.1, §6).</summary>
public sealed class TestKey
{
    public static readonly uint Inception = (uint)new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    public static readonly uint Expiration = (uint)new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    public DnsName Zone { get; }
    public DnskeyRecord Dnskey { get; }

    public TestKey(DnsName zone, ushort flags = 257)
    {
        Zone = zone;
        var q = _ec.ExportParameters(false).Q;
        Dnskey = new DnskeyRecord(flags, 3, 13, [.. q.X!, .. q.Y!]);
    }

    public DsRecord Ds() => new(Dnskey.KeyTag, 13, 2, DsDigest.Compute(2, Zone.ToCanonicalWire(), Dnskey.ToWire())!);

    /// <summary>An RRSIG record over the RRset (labels from the owner unless given: fewer labels = wildcard expansion).</summary>
    public ResourceRecord Sign(IReadOnlyList<ResourceRecord> records, uint? expiration = null, byte? labels = null, ushort? keyTag = null)
    {
        var first = records[0];
        var set = new RRset(first.Owner, first.Type, first.Class, first.Ttl, records, []);
        var sig = new RrsigRecord(first.Type, 13, labels ?? (byte)(first.Owner.IsWildcard ? first.Owner.LabelCount - 1 : first.Owner.LabelCount),
            first.Ttl, expiration ?? Expiration, Inception, keyTag ?? Dnskey.KeyTag, Zone, []);
        var data = SignedData.Build(sig, set)!;
        var signature = _ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return ResourceRecord.Create(first.Owner, RecordType.RRSIG, RecordClass.IN, first.Ttl, sig with { Signature = signature });
    }

    public static ResourceRecord Rr(string owner, RecordType type, IRData data, uint ttl = 3600) =>
        ResourceRecord.Create(DnsName.Parse(owner), type, RecordClass.IN, ttl, data);
}
