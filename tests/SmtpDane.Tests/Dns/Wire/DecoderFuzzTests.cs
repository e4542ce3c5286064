using SmtpDane.Dns;
using SmtpDane.Dns.Wire;
using SmtpDane.Dns.ZoneFile;

namespace SmtpDane.Tests.Dns.Wire;

/// <summary>Property tests: thousands of random and mutated messages (fixed seeds, so failures reproduce).
/// The decoder must either succeed or throw <see cref="DnsFormatException"/>, within a deadline (no loops); whatever
/// it accepts must re-encode and decode to the same message.</summary>
public class DecoderFuzzTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static List<byte[]> Seeds()
    {
        var records = ZoneFileLoader.Load(TestVectors.PathOf("dnssec/rfc4035/appendix-a.zone.signed"))
            .Concat(ZoneFileLoader.Load(TestVectors.PathOf("dnssec/rfc5155/appendix-a.zone.signed"))).ToList();
        var rnd = new Random(4035);
        var seeds = new List<byte[]>();
        for (int i = 0; i < 40; i++)
        {
            var pick = records.OrderBy(_ => rnd.Next()).Take(rnd.Next(1, 8)).ToList();
            var m = new DnsMessage
            {
                Id = (ushort)rnd.Next(65536), IsResponse = true, AuthenticData = rnd.Next(2) == 0,
                Rcode = (DnsRcode)rnd.Next(6), Questions = [new DnsQuestion(pick[0].Owner, pick[0].Type)],
                Answers = pick.Take(pick.Count / 2).ToList(), Authority = pick.Skip(pick.Count / 2).ToList(),
                Edns = rnd.Next(3) == 0 ? null : new EdnsInfo(1232, 0, true,
                    [new EdnsOption(15, new ExtendedDnsError(6, "x").ToOptionData())]),
            };
            seeds.Add(DnsMessageEncoder.Encode(m, compress: rnd.Next(2) == 0));
        }
        return seeds;
    }

    private static void Check(byte[] input)
    {
        DnsMessage decoded;
        try { decoded = DnsMessageDecoder.Decode(input); }
        catch (DnsFormatException) { return; }
        // Anything accepted is internally consistent: it re-encodes and decodes to the same message.
        foreach (var compress in new[] { true, false })
            WireAssert.Same(decoded, DnsMessageDecoder.Decode(DnsMessageEncoder.Encode(decoded, compress)));
    }

    private static void Run(Action body)
    {
        var task = Task.Run(body);
        Assert.True(task.Wait(Deadline), "decoder did not finish within the deadline (loop?)");
    }

    [Fact]
    public void Random_octets_never_crash_or_hang()
    {
        Run(() =>
        {
            var rnd = new Random(1035);
            for (int i = 0; i < 20000; i++)
            {
                var b = new byte[rnd.Next(0, 300)];
                rnd.NextBytes(b);
                // Keep the counts small half the time so decoding gets past the header checks.
                if (b.Length >= 12 && rnd.Next(2) == 0)
                    for (int k = 4; k < 12; k += 2) { b[k] = 0; b[k + 1] = (byte)rnd.Next(4); }
                Check(b);
            }
        });
    }

    [Fact]
    public void Mutated_valid_messages_never_crash_or_hang()
    {
        Run(() =>
        {
            var seeds = Seeds();
            foreach (var s in seeds) Check(s); // the unmutated seeds decode
            var rnd = new Random(3597);
            int accepted = 0;
            for (int i = 0; i < 20000; i++)
            {
                var b = seeds[rnd.Next(seeds.Count)].ToList();
                int mutations = rnd.Next(1, 5);
                for (int k = 0; k < mutations && b.Count > 0; k++)
                {
                    int at = rnd.Next(b.Count);
                    switch (rnd.Next(6))
                    {
                        case 0: b[at] ^= (byte)(1 << rnd.Next(8)); break;
                        case 1: b[at] = (byte)rnd.Next(256); break;
                        case 2: b.RemoveAt(at); break;
                        case 3: b.Insert(at, (byte)rnd.Next(256)); break;
                        case 4: b.RemoveRange(at, b.Count - at); break;               // truncation
                        case 5: b[at] = 0xC0; if (at + 1 < b.Count) b[at + 1] = (byte)rnd.Next(256); break; // pointer
                    }
                }
                var arr = b.ToArray();
                try { DnsMessageDecoder.Decode(arr); accepted++; } catch (DnsFormatException) { }
                Check(arr);
            }
            Assert.InRange(accepted, 1, 19999); // the corpus exercises both outcomes
        });
    }
}

public class RDataFuzzTests
{
    [Fact]
    public void Random_RDATA_of_every_known_type_decodes_or_is_a_format_error_and_re_encodes_identically()
    {
        var rnd = new Random(8914);
        var types = Enum.GetValues<RecordType>().Append((RecordType)65280).ToArray();
        int decoded = 0;
        for (int i = 0; i < 20000; i++)
        {
            var type = types[rnd.Next(types.Length)];
            var b = new byte[rnd.Next(0, 40)];
            rnd.NextBytes(b);
            IRData data;
            try { data = RDataCodec.DecodeStandalone(type, b); }
            catch (DnsFormatException) { continue; }
            decoded++;
            var again = RDataCodec.Encode(type, data, canonical: false);
            if (type is RecordType.NSEC or RecordType.NSEC3)
                // Type bitmaps with empty windows or trailing zero octets are accepted (RFC 4034 §4.1.2 says senders
                // MUST NOT produce them; rejecting would turn a sloppy signer into an outage) and re-encode canonically.
                Assert.Equal(data, RDataCodec.DecodeStandalone(type, again));
            else
                // Standalone RDATA holds no pointers, so what decodes must encode back to the same octets.
                Assert.Equal(b, again);
        }
        Assert.InRange(decoded, 1, 19999);
    }
}
