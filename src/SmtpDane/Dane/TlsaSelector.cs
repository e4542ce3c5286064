using SmtpDane.Dns;

namespace SmtpDane.Dane;

/// <summary>Applies the SMTP profile of DANE to a TLSA RRset before any certificate is looked at
/// (RFC 7672 §3.1, RFC 7671 §4 and §9). Pure: same records in, same selection out.</summary>
public static class TlsaSelector
{
    public static TlsaSelection Select(IReadOnlyList<TlsaRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var dropped = new List<TlsaDrop>();
        var candidates = new List<TlsaRecord>();
        foreach (var r in records)
        {
            var reason = Unusable(r);
            if (reason is { } why) dropped.Add(new TlsaDrop(r, why));
            else candidates.Add(r);
        }

        // RFC 7671 §9 (digest algorithm agility): per usage and selector, a client uses only the records with the
        // strongest digest it supports, so that publishing a weak digest next to a strong one cannot weaken
        // authentication. SHA2-512(2) ranks above SHA2-256(1) (OpenSSL's danetest driver ranks them the same way).
        // Full(0) is not a digest — it is the data itself — so it is never superseded and stays usable alongside.
        var usable = new List<TlsaRecord>();
        foreach (var r in candidates)
        {
            if (r.MatchingType != TlsaFields.MatchFull &&
                candidates.Any(o => o.Usage == r.Usage && o.Selector == r.Selector &&
                                    DigestStrength(o.MatchingType) > DigestStrength(r.MatchingType)))
                dropped.Add(new TlsaDrop(r, TlsaDropReason.WeakerDigest));
            else
                usable.Add(r);
        }
        return new TlsaSelection(usable, dropped);
    }

    /// <summary>Why a single record is unusable on its own, or null when it is usable.</summary>
    private static TlsaDropReason? Unusable(TlsaRecord r)
    {
        // RFC 7672 §3.1.3: PKIX-TA(0)/PKIX-EE(1) are not for SMTP; a client MAY treat them as unusable, and we do
        // (as Postfix does), so a monitor reports them rather than silently trusting a CA bundle.
        switch (r.Usage)
        {
            case TlsaFields.PkixTa: return TlsaDropReason.PkixTaUsage;
            case TlsaFields.PkixEe: return TlsaDropReason.PkixEeUsage;
            case TlsaFields.DaneTa or TlsaFields.DaneEe: break;
            default: return TlsaDropReason.UnknownUsage;
        }
        if (r.Selector is not (TlsaFields.SelectorCert or TlsaFields.SelectorSpki)) return TlsaDropReason.UnknownSelector;
        if (r.MatchingType is not (TlsaFields.MatchFull or TlsaFields.MatchSha256 or TlsaFields.MatchSha512))
            return TlsaDropReason.UnknownMatchingType;
        if (r.Data is null || r.Data.Length == 0) return TlsaDropReason.EmptyData;
        // RFC 6698 §2.1.3: the digest lengths are fixed by the hash; a record of another length can never match,
        // so calling it "usable" would turn a publishing error into a confusing mismatch.
        if (r.MatchingType == TlsaFields.MatchSha256 && r.Data.Length != TlsaFields.Sha256Length) return TlsaDropReason.WrongDigestLength;
        if (r.MatchingType == TlsaFields.MatchSha512 && r.Data.Length != TlsaFields.Sha512Length) return TlsaDropReason.WrongDigestLength;
        return null;
    }

    /// <summary>Rank of a digest matching type; Full(0) has no rank because it is not a digest.</summary>
    private static int DigestStrength(byte matchingType) => matchingType switch
    {
        TlsaFields.MatchSha256 => 1,
        TlsaFields.MatchSha512 => 2,
        _ => 0,
    };
}
