namespace SmtpDane.Dnssec.Crypto;

/// <summary>Key tag of a DNSKEY (RFC 4034 Appendix B). Only a hint for choosing keys: tags collide
/// (on purpose in KeyTrap), so a match never proves anything.</summary>
public static class KeyTag
{
    /// <summary>Key tag over the DNSKEY RDATA in wire form (flags, protocol, algorithm, public key).</summary>
    public static ushort Compute(ReadOnlySpan<byte> dnskeyRdata)
    {
        if (dnskeyRdata.Length >= 4 && dnskeyRdata[3] == (byte)DnssecAlgorithm.RsaMd5)
        {
            // RFC 4034 App. B.1: for RSA/MD5 the tag is the most significant 16 of the least significant
            // 24 bits of the modulus, i.e. the 3rd- and 2nd-last octets of the RDATA.
            if (dnskeyRdata.Length < 7) return 0;
            return (ushort)((dnskeyRdata[^3] << 8) | dnskeyRdata[^2]);
        }
        // RFC 4034 App. B: one's-complement-like sum of 16-bit words, carry folded once.
        uint ac = 0;
        for (int i = 0; i < dnskeyRdata.Length; i++)
            ac += (i & 1) != 0 ? dnskeyRdata[i] : (uint)dnskeyRdata[i] << 8;
        ac += (ac >> 16) & 0xFFFF;
        return (ushort)(ac & 0xFFFF);
    }
}
