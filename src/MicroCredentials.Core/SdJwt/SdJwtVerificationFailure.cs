namespace MicroCredentials.SdJwt;

/// <summary>Why an SD-JWT was rejected (a closed set; STYLE 3).</summary>
public enum SdJwtVerificationFailure
{
    /// <summary>Not an SD-JWT: bad separators, not a JWS, not JSON, over a size or count bound.</summary>
    Malformed,

    /// <summary>The issuer JWT's <c>alg</c> is not ES256 or RS256 (never <c>none</c>, never a MAC).</summary>
    UnsupportedAlgorithm,

    /// <summary>The header <c>typ</c> is not the expected one.</summary>
    WrongType,

    /// <summary>No issuer key matches the header.</summary>
    UnknownKey,

    /// <summary>The issuer signature does not verify.</summary>
    SignatureInvalid,

    /// <summary><c>_sd_alg</c> names a hash other than <c>sha-256</c>.</summary>
    UnsupportedHashAlgorithm,

    /// <summary>A disclosure is malformed, unreferenced, sent twice, of the wrong kind for its place, or clashes with a claim.</summary>
    DisclosureInvalid,

    /// <summary>A digest appears more than once, or <c>_sd</c> is not an array of strings (RFC 9901 §7.1 step 4).</summary>
    DigestInvalid,

    /// <summary>Digests nest deeper than <see cref="CoreLimits.MaxSdJwtNestingDepth"/>.</summary>
    TooDeep,

    /// <summary>The <c>exp</c> has passed.</summary>
    Expired,

    /// <summary>The <c>nbf</c> (or <c>iat</c>) lies in the future.</summary>
    NotYetValid,

    /// <summary>Key binding was required but the SD-JWT has no key binding JWT or no <c>cnf.jwk</c>.</summary>
    KeyBindingMissing,

    /// <summary>The key binding JWT is malformed, not <c>kb+jwt</c>, or not signed by the <c>cnf</c> key.</summary>
    KeyBindingInvalid,

    /// <summary>The key binding JWT's <c>sd_hash</c> does not cover this presentation.</summary>
    KeyBindingHashMismatch,

    /// <summary>The key binding JWT's <c>nonce</c> or <c>aud</c> is not the verifier's.</summary>
    KeyBindingAudienceOrNonceMismatch,

    /// <summary>The key binding JWT's <c>iat</c> is older than allowed or in the future.</summary>
    KeyBindingStale,
}
