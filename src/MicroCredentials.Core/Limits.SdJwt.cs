namespace MicroCredentials;

/// <summary>The bounds that protect the SD-JWT parser and verifier (STYLE 17; RFC 9901 §7.1).</summary>
public static partial class CoreLimits
{
    /// <summary>The longest SD-JWT (or SD-JWT+KB) read, in characters: our SD-JWT VC is about 4 KB; 256 KiB is generous.</summary>
    public const int MaxSdJwtLength = 256 * 1024;

    /// <summary>The most disclosures read from one SD-JWT: each costs a hash and a JSON parse; ours carry about 10.</summary>
    public const int MaxSdJwtDisclosures = 128;

    /// <summary>The longest single disclosure, in characters: a disclosure is one claim; learning outcomes fit in 16 KiB.</summary>
    public const int MaxSdJwtDisclosureLength = 16 * 1024;

    /// <summary>
    /// The deepest nesting of objects and arrays while digests are replaced by disclosed claims (recursive
    /// disclosures included): an SD-JWT VC nests about 5 deep; the bound stops recursion bombs.
    /// </summary>
    public const int MaxSdJwtNestingDepth = 32;

    /// <summary>The most decoy digests added to one <c>_sd</c> array by the issuer: decoys hide the claim count, not more.</summary>
    public const int MaxSdJwtDecoysPerObject = 16;

    /// <summary>How old a key binding JWT (its <c>iat</c>) may be by default: a presentation is made for one verifier, now.</summary>
    public static readonly TimeSpan SdJwtKeyBindingMaxAge = TimeSpan.FromMinutes(5);
}
