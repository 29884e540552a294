namespace MicroCredentials;

/// <summary>
/// Bounds of the JSON-LD 1.1 processor and RDFC-1.0 (STYLE 17): every recursion or loop on attacker data stops at
/// one of these with a <see cref="JsonLd.JsonLdException"/> (or <see cref="Rdf.Canonicalization.Rdfc10WorkLimitExceededException"/>)
/// instead of overflowing the stack or running without end. Real credentials use a handful of contexts, nest less
/// than 10 deep and define a few hundred terms; each value leaves a wide margin.
/// </summary>
public static partial class CoreLimits
{
    /// <summary>
    /// Term definitions that wait on one another (<c>"t0": "t1:x", "t1": "t2:x", …</c>): each link is a nested
    /// Create Term Definition call. Past it: <c>invalid IRI mapping</c>. Real contexts chain two or three.
    /// </summary>
    public const int JsonLdMaxTermDefinitionDepth = 64;

    /// <summary>Entries in one local context (one JSON object under <c>@context</c>). Past it: <c>context overflow</c>.
    /// The largest standard one we embed has 31.</summary>
    public const int JsonLdMaxTermsPerContext = 1000;

    /// <summary>Term definitions in one active context (all contexts in scope together). Past it: <c>context
    /// overflow</c>. VC 2.0 + OB 3.0 + extensions + ours give about 300.</summary>
    public const int JsonLdMaxActiveTerms = 2000;

    /// <summary>
    /// Nested context processing: remote contexts that include others, scoped contexts inside scoped contexts,
    /// <c>@import</c>. Past it: <c>context overflow</c>. The standard contexts nest three deep.
    /// </summary>
    public const int JsonLdMaxContextDepth = 32;

    /// <summary>
    /// Local contexts processed for one document (each entry of every <c>@context</c>, embedded, remote, scoped or
    /// type-scoped, that is not already cached). Past it: <c>context overflow</c>. Our credential needs 36 with cold
    /// caches and 4 after; each one may copy up to <see cref="JsonLdMaxActiveTerms"/> term definitions.
    /// </summary>
    public const int JsonLdMaxContextsPerDocument = 1024;

    /// <summary>
    /// JSON nesting (objects and arrays) that expansion, node map generation and list conversion follow. Past it:
    /// <c>nesting too deep</c>. Above the verifier's JSON parser limit (64), so it guards documents built in code.
    /// </summary>
    public const int JsonLdMaxNestingDepth = 128;

    /// <summary>
    /// Processed contexts kept for the lifetime of a document loader (shared by all requests). Beyond it contexts
    /// are still processed, only not kept, so hostile combinations of contexts cannot grow memory without bound.
    /// </summary>
    public const int JsonLdMaxSharedContexts = 256;

    /// <summary>IRI expansions cached per shared context: keys come from untrusted documents, so the cache cannot be
    /// made to grow without end.</summary>
    public const int JsonLdMaxCachedIris = 1024;

    /// <summary>The longest property key whose expansion is cached (characters), so the cache cannot be made to hold megabytes.</summary>
    public const int JsonLdMaxCachedIriLength = 128;

    /// <summary>
    /// Hash N-Degree Quads calls for one dataset, whatever <c>MaxWorkFactor</c> allows: n³ is no bound for a ring
    /// of thousands of look-alike blank nodes. The approved RDFC-1.0 poison tests need at most 468.
    /// </summary>
    public const long RdfcMaxDeepIterations = 20_000;

    /// <summary>Nested Hash N-Degree Quads calls (a chain of look-alike blank nodes recurses along the chain).</summary>
    public const int RdfcMaxRecursionDepth = 256;
}
