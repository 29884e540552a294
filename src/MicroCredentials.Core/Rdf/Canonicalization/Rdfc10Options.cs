namespace MicroCredentials.Rdf.Canonicalization;

/// <summary>Options of <see cref="Rdfc10"/>.</summary>
public sealed record Rdfc10Options
{
    /// <summary>The defaults: SHA-256 and a work factor of <see cref="DefaultMaxWorkFactor"/>.</summary>
    public static Rdfc10Options Default { get; } = new();

    /// <summary>
    /// The default <see cref="MaxWorkFactor"/>: 1, the default of rdf-canonize, which the reference verifiers
    /// (digitalbazaar's eddsa-rdfc-2022 cryptosuite, the DCC verifier) use, so we never sign or accept a dataset they
    /// refuse as poisoned.
    /// </summary>
    public const int DefaultMaxWorkFactor = 1;

    /// <summary>The hash algorithm (RDFC-1.0 §4.2). Default SHA-256.</summary>
    public Rdfc10HashAlgorithm HashAlgorithm { get; init; } = Rdfc10HashAlgorithm.Sha256;

    /// <summary>
    /// Bounds the work the Hash N-Degree Quads algorithm may do, to detect dataset poisoning (RDFC-1.0 §4.4.3 /
    /// §7 "Dataset Poisoning"): the total number of Hash N-Degree Quads calls may not exceed
    /// <c>n ^ MaxWorkFactor</c>, where <c>n</c> is the number of blank nodes whose first-degree hash is not
    /// unique (the same measure as the <c>maxWorkFactor</c> of the reference implementation rdf-canonize).
    /// <c>0</c> forbids any N-degree hashing. Default <see cref="DefaultMaxWorkFactor"/> (n calls). The approved
    /// RDFC-1.0 tests need up to 468 calls for 12 such nodes (<c>#test044c</c>–<c>#test046c</c>, "poison –
    /// computable given defined limits", which pass with 3), while the 10-node clique of <c>#test074c</c> needs more
    /// than a million. Whatever the factor, at most <see cref="CoreLimits.RdfcMaxDeepIterations"/> calls.
    /// Ignored when <see cref="MaxDeepIterations"/> is set.
    /// </summary>
    public int MaxWorkFactor { get; init; } = DefaultMaxWorkFactor;

    /// <summary>
    /// An explicit limit on the total number of Hash N-Degree Quads calls; <see langword="null"/> (default) derives
    /// it from <see cref="MaxWorkFactor"/>. Either way it is at most <see cref="CoreLimits.RdfcMaxDeepIterations"/>.
    /// </summary>
    public long? MaxDeepIterations { get; init; }
}
