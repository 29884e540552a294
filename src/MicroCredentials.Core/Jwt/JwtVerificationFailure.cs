namespace MicroCredentials.Jwt;

/// <summary>
/// Why a VC-JWT was rejected; a closed set (STYLE rule 3). The verifier reports the first failure it meets, in the
/// order listed here.
/// </summary>
public enum JwtVerificationFailure
{
    /// <summary>Not a compact JWS: wrong number of parts, bad base64url, header or payload not JSON, too large.</summary>
    Malformed = 1,

    /// <summary><c>alg</c> is <c>none</c>, an HMAC algorithm, or anything other than RS256 / ES256.</summary>
    UnsupportedAlgorithm,

    /// <summary>A header member other than <c>alg</c>, <c>kid</c>, <c>jwk</c>, <c>typ</c>, or a <c>typ</c> other than "JWT".</summary>
    ForbiddenHeader,

    /// <summary>The <c>jwk</c> header carries private or symmetric key material (<c>d</c>, <c>p</c>, <c>q</c>, <c>dp</c>, <c>dq</c>, <c>qi</c>, <c>k</c>).</summary>
    PrivateKeyInHeader,

    /// <summary>The <c>kid</c> (or the <c>jwk</c>) names no key of the issuer's key set, or neither is present.</summary>
    UnknownKey,

    /// <summary>The signature does not verify with the issuer's key (or the key is of another algorithm).</summary>
    SignatureInvalid,

    /// <summary>The payload is JSON but not a verifiable credential object.</summary>
    NotACredential,

    /// <summary>
    /// A registered claim disagrees with the credential: <c>iss</c> ≠ <c>issuer.id</c> (or ≠ the key's controller),
    /// <c>jti</c> ≠ <c>id</c>, <c>nbf</c> ≠ <c>validFrom</c>, <c>sub</c> ≠ <c>credentialSubject.id</c>,
    /// <c>exp</c> ≠ <c>validUntil</c>.
    /// </summary>
    ClaimsMismatch,

    /// <summary><c>nbf</c> / <c>validFrom</c> is in the future (beyond the allowed clock skew).</summary>
    NotYetValid,

    /// <summary><c>exp</c> / <c>validUntil</c> has passed (beyond the allowed clock skew).</summary>
    Expired,
}
