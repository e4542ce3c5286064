using SmtpDane.Dns;

namespace SmtpDane.Dnssec.Chain;

/// <summary>The set of trust anchors a run validates from: by default the IANA root KSKs compiled in; a
/// <c>-trust-anchor FILE</c> replaces them entirely (DS and/or DNSKEY records in zone-file syntax).</summary>
public sealed class TrustAnchors
{
    /// <summary>Root KSK-2017, key tag 20326 (IANA root-anchors.xml, id Klajeyz; in use since 2018-10-11).</summary>
    internal const string RootKsk2017 =
        "AwEAAaz/tAm8yTn4Mfeh5eyI96WSVexTBAvkMgJzkKTOiW1vkIbzxeF3+/4RgWOq7HrxRixHlFlExOLAJr5emLvN7SWXgnLh4+B5xQlNVz8Og8kvArMtNROxVQuCaSnIDdD5LKyWbRd2n9WGe2R8PzgCmr3EgVLrjyBxWezF0jLHwVN8efS3rCj/EWgvIWgb9tarpVUDK/b58Da+sqqls3eNbuv7pr+eoZG+SrDK6nWeL3c6H5Apxz7LjVc1uTIdsIXxuOLYA4/ilBmSVIzuDWfdRUfhHdY6+cn8HFRm+2hM8AnXGXws9555KrUB5qihylGa8subX2Nn6UwNR1AkUTV74bU=";
    internal const string RootKsk2017DsSha256 = "E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D";

    /// <summary>Root KSK-2024, key tag 38696 (IANA root-anchors.xml, id Kmyv6jo; validFrom 2024-07-18).</summary>
    internal const string RootKsk2024 =
        "AwEAAa96jeuknZlaeSrvyAJj6ZHv28hhOKkx3rLGXVaC6rXTsDc449/cidltpkyGwCJNnOAlFNKF2jBosZBU5eeHspaQWOmOElZsjICMQMC3aeHbGiShvZsx4wMYSjH8e7Vrhbu6irwCzVBApESjbUdpWWmEnhathWu1jo+siFUiRAAxm9qyJNg/wOZqqzL/dL/q8PkcRU5oUKEpUge71M3ej2/7CPqpdVwuMoTvoB+ZOT4YeGyxMvHmbrxlFzGOHOijtzN+u1TQNatX2XBuzZNQ1K+s2CXkPIZo7s6JgZyvaBevYtxPvYLw4z9mR7K2vaF18UYH9Z9GNUUeayffKC73PYc=";
    internal const string RootKsk2024DsSha256 = "683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16";

    private readonly Dictionary<DnsName, TrustAnchor> _byZone;

    private TrustAnchors(IEnumerable<TrustAnchor> anchors) => _byZone = anchors.ToDictionary(a => a.Zone);

    public IReadOnlyCollection<TrustAnchor> All => _byZone.Values;

    /// <summary>The built-in root anchors: both KSKs as DNSKEY (flags 257, RSASHA256) and as SHA-256 DS.</summary>
    public static TrustAnchors BuiltIn { get; } = new([new TrustAnchor(DnsName.Root,
        [
            new DsRecord(20326, 8, 2, Convert.FromHexString(RootKsk2017DsSha256)),
            new DsRecord(38696, 8, 2, Convert.FromHexString(RootKsk2024DsSha256)),
        ],
        [
            new DnskeyRecord(257, 3, 8, Convert.FromBase64String(RootKsk2017)),
            new DnskeyRecord(257, 3, 8, Convert.FromBase64String(RootKsk2024)),
        ])]);

    /// <summary>Anchors from DS and DNSKEY records (e.g. a parsed -trust-anchor file). Other record types are
    /// ignored; revoked keys are dropped (RFC 5011 §2.1). Null when no usable anchor remains.</summary>
    public static TrustAnchors? FromRecords(IEnumerable<ResourceRecord> records)
    {
        var anchors = records
            .Where(r => r.Data is DsRecord || (r.Data is DnskeyRecord k && !k.IsRevoked))
            .GroupBy(r => r.Owner)
            .Select(g => new TrustAnchor(g.Key,
                g.Select(r => r.Data).OfType<DsRecord>().Distinct().ToList(),
                g.Select(r => r.Data).OfType<DnskeyRecord>().Distinct().ToList()))
            .ToList();
        return anchors.Count == 0 ? null : new TrustAnchors(anchors);
    }

    /// <summary>Parses a -trust-anchor file (DS and/or DNSKEY records in zone-file syntax; a missing TTL is allowed).
    /// Throws <see cref="SmtpDane.Dns.ZoneFile.ZoneFileException"/> with the line on a syntax error; null when the file
    /// holds no usable anchor (e.g. only revoked keys).</summary>
    public static TrustAnchors? Parse(string text, string sourceName) =>
        FromRecords(SmtpDane.Dns.ZoneFile.ZoneFileParser.Parse(text, sourceName, null, 0));

    /// <summary>The anchor closest above (or at) <paramref name="name"/>, or null when none covers it.</summary>
    public TrustAnchor? ClosestFor(DnsName name)
    {
        for (DnsName? n = name; n is not null; n = n.Parent)
            if (_byZone.TryGetValue(n, out var anchor)) return anchor;
        return null;
    }
}
