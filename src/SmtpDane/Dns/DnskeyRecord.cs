namespace SmtpDane.Dns;

/// <summary>DNSKEY RDATA (RFC 4034 §2.1). Also used for CDNSKEY (RFC 7344), which shares the layout.</summary>
public sealed record DnskeyRecord(ushort Flags, byte Protocol, byte Algorithm, byte[] PublicKey) : IRData
{
    /// <summary>RFC 4034 §2.1.1: bit 7 (0x0100), the key may verify zone data.</summary>
    public bool IsZoneKey => (Flags & 0x0100) != 0;

    /// <summary>RFC 5011 §3 / §2.1: bit 8 (0x0080), the key is revoked and may only sign its own DNSKEY RRset.</summary>
    public bool IsRevoked => (Flags & 0x0080) != 0;

    /// <summary>RFC 4034 §2.1.1 / RFC 3757: bit 15 (0x0001), Secure Entry Point (a hint only, not for validation).</summary>
    public bool IsSecureEntryPoint => (Flags & 0x0001) != 0;

    /// <summary>RFC 4034 §2.1.2: the protocol field MUST be 3; other values make the key unusable.</summary>
    public bool HasValidProtocol => Protocol == 3;

    /// <summary>The RDATA wire form (RFC 4034 §2.1): flags, protocol, algorithm, key.</summary>
    public byte[] ToWire()
    {
        var w = new byte[4 + PublicKey.Length];
        w[0] = (byte)(Flags >> 8); w[1] = (byte)Flags; w[2] = Protocol; w[3] = Algorithm;
        PublicKey.CopyTo(w, 4);
        return w;
    }

    /// <summary>Key tag (RFC 4034 Appendix B). Algorithm 1 (RSA/MD5) uses the Appendix B.1 rule instead: the most
    /// significant 16 bits of the least significant 24 bits of the modulus, i.e. key octets [len-3] and [len-2].</summary>
    public ushort KeyTag => ComputeKeyTag();

    private ushort ComputeKeyTag()
    {
        if (Algorithm == 1)
            return PublicKey.Length < 3 ? (ushort)0
                : (ushort)((PublicKey[^3] << 8) | PublicKey[^2]);
        var rdata = ToWire();
        uint ac = 0;
        for (int i = 0; i < rdata.Length; i++) ac += (i & 1) != 0 ? rdata[i] : (uint)rdata[i] << 8;
        ac += (ac >> 16) & 0xFFFF;
        return (ushort)(ac & 0xFFFF);
    }

    public bool Equals(DnskeyRecord? other) =>
        other is not null && Flags == other.Flags && Protocol == other.Protocol && Algorithm == other.Algorithm &&
        PublicKey.AsSpan().SequenceEqual(other.PublicKey);

    public override int GetHashCode() => HashCode.Combine(Flags, Protocol, Algorithm, PublicKey.Length);

    /// <summary>RFC 4034 §2.2: key in base64.</summary>
    public override string ToString() => $"{Flags} {Protocol} {Algorithm} {Convert.ToBase64String(PublicKey)}";
}
