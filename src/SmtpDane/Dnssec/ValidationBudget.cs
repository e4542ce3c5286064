using SmtpDane.Dns;

namespace SmtpDane.Dnssec;

/// <summary>
/// Work caps against hostile zones: KeyTrap (CVE-2023-50387: many keys sharing a key tag × many signatures makes
/// one answer cost millions of verifications) and NSEC3 hashing CPU (CVE-2023-50868). One instance per answer,
/// linked to one per run; counters are thread-safe because the chain is validated concurrently.
/// Running out gives Bogus "budget exceeded: …" (RFC 9276 §3.2 is the exception: high NSEC3 iterations are Insecure).
/// </summary>
public sealed class ValidationBudget
{
    /// <summary>DNSKEYs with the RRSIG's key tag and algorithm tried per signature. Honest zones have one; during a
    /// rollover a collision is possible but rare (RFC 4034 App. B: tags are not unique). 4 is Unbound's choice
    /// after KeyTrap and leaves room for accidents, not for attacks.</summary>
    public const int MaxKeysPerSignature = 4;

    /// <summary>RRSIGs tried per RRset. Real RRsets carry one per algorithm, two during an algorithm rollover;
    /// 8 covers dual-algorithm signing with pre-published signatures.</summary>
    public const int MaxSignaturesPerRrset = 8;

    /// <summary>Signature verifications per answer, whole chain included (root → TLD → zone, each DS/DNSKEY/answer/
    /// proof RRset ≈ 1–2 verifications, CNAME hops repeat it). 64 is ≈ 4× a deep honest path.</summary>
    public const int MaxVerificationsPerAnswer = 64;

    /// <summary>Signature verifications per run (one probe makes a few dozen lookups; the per-run DNSKEY cache keeps
    /// the shared chain to one pass). Bounds the whole probe to well under a second of RSA-2048 work.</summary>
    public const int MaxVerificationsPerRun = 2048;

    /// <summary>NSEC3 iterations above which a proof is treated as Insecure (RFC 9276 §3.2 "validating resolvers MAY
    /// return an insecure response"; 150 is the limit BIND and Unbound adopted; RFC 9276 §3.1 asks signers for 0).</summary>
    public const int MaxNsec3Iterations = 150;

    /// <summary>NSEC3 name hashings per answer (CVE-2023-50868). A closest-encloser proof hashes at most one name per
    /// label of QNAME below the zone (usually 2–4) plus the wildcard; 64 × 151 SHA-1 blocks ≈ 1 ms.</summary>
    public const int MaxNsec3HashesPerAnswer = 64;

    /// <summary>CNAME/DNAME hops followed (shared with the transport's limit, <see cref="DnsLimits.MaxCnameChain"/>).</summary>
    public const int MaxCnameChain = DnsLimits.MaxCnameChain;

    /// <summary>Zone cuts walked from the anchor to one answer. Real names sit 2–6 zones below the root; 16 leaves
    /// margin for deep reverse trees while stopping a zone that delegates at every label of a 127-label name.</summary>
    public const int MaxDelegationDepth = 16;

    private readonly ValidationBudget? _run;
    private readonly int _verificationLimit;
    private int _verifications, _nsec3Hashes;

    private ValidationBudget(ValidationBudget? run, int verificationLimit)
    {
        _run = run;
        _verificationLimit = verificationLimit;
    }

    /// <summary>The budget of one run (probe invocation).</summary>
    public static ValidationBudget ForRun() => new(null, MaxVerificationsPerRun);

    /// <summary>A per-answer budget that also draws on <paramref name="run"/>.</summary>
    public static ValidationBudget ForAnswer(ValidationBudget? run) => new(run, MaxVerificationsPerAnswer);

    /// <summary>Why the budget ran out (first reason), or null.</summary>
    public string? Exhausted { get; private set; }

    public int Verifications => Volatile.Read(ref _verifications);

    /// <summary>Claims one signature verification; false (and <see cref="Exhausted"/> set) when a cap is reached.</summary>
    public bool TrySpendVerification()
    {
        if (Interlocked.Increment(ref _verifications) > _verificationLimit)
        {
            Exhausted ??= _verificationLimit == MaxVerificationsPerRun
                ? $"more than {MaxVerificationsPerRun} signature verifications in this run"
                : $"more than {MaxVerificationsPerAnswer} signature verifications for one answer";
            return false;
        }
        if (_run is not null && !_run.TrySpendVerification())
        {
            Exhausted ??= _run.Exhausted;
            return false;
        }
        return true;
    }

    /// <summary>Claims one NSEC3 name hashing.</summary>
    public bool TrySpendNsec3Hash()
    {
        if (Interlocked.Increment(ref _nsec3Hashes) > MaxNsec3HashesPerAnswer)
        {
            Exhausted ??= $"more than {MaxNsec3HashesPerAnswer} NSEC3 hashes for one answer";
            return false;
        }
        return true;
    }

    /// <summary>A Bogus result naming the exhausted cap.</summary>
    public ValidationResult ExceededResult(string? what = null) =>
        ValidationResult.Bogus(DnsProblemKind.ValidationBudgetExceeded, "budget exceeded: " + (what ?? Exhausted ?? "validation work cap"));
}
