namespace MicroCredentials.Jwt;

/// <summary>
/// Wire names of the JOSE header members and JWT claims OB 3.0 uses for its VC-JWT proof format
/// (OB 3.0 §"JSON Web Token Proof Format"; RFC 7515 §4.1, RFC 7519 §4.1, RFC 7517 §4), kept in one place.
/// </summary>
public static class JwtClaims
{
    /// <summary>Header: the signature algorithm.</summary>
    public const string Alg = "alg";

    /// <summary>Header: the key id, a URI that dereferences to the issuer's public JWK.</summary>
    public const string Kid = "kid";

    /// <summary>Header: the type; OB 3.0 allows only <see cref="JwtType"/>.</summary>
    public const string Typ = "typ";

    /// <summary>Header: an embedded public JWK (allowed by OB 3.0 in place of <c>kid</c>; never with private parts).</summary>
    public const string Jwk = "jwk";

    /// <summary>The only <c>typ</c> value OB 3.0 allows.</summary>
    public const string JwtType = "JWT";

    /// <summary>Claim: the issuer, equal to <c>issuer.id</c>.</summary>
    public const string Iss = "iss";

    /// <summary>Claim: the token id, equal to the credential <c>id</c>.</summary>
    public const string Jti = "jti";

    /// <summary>Claim: not before, equal to <c>validFrom</c> as a NumericDate.</summary>
    public const string Nbf = "nbf";

    /// <summary>Claim: the subject, equal to <c>credentialSubject.id</c> (only when the subject has one).</summary>
    public const string Sub = "sub";

    /// <summary>Claim: expiry, equal to <c>validUntil</c> as a NumericDate (only when the credential has one).</summary>
    public const string Exp = "exp";

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256 (the OB 3.0 minimum).</summary>
    public const string RS256 = "RS256";

    /// <summary>ECDSA with P-256 and SHA-256.</summary>
    public const string ES256 = "ES256";
}
