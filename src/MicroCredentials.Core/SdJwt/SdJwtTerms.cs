namespace MicroCredentials.SdJwt;

/// <summary>Wire names and values of SD-JWT (RFC 9901) and SD-JWT VC, kept in one place.</summary>
public static class SdJwtTerms
{
    /// <summary>The array of digests of an object's selectively disclosable members (RFC 9901 §4.2.4.1).</summary>
    public const string Sd = "_sd";

    /// <summary>The key of an array element that stands for a disclosable element (RFC 9901 §4.2.4.2).</summary>
    public const string ArrayElementDigest = "...";

    /// <summary>The hash algorithm claim (RFC 9901 §4.1.1).</summary>
    public const string SdAlg = "_sd_alg";

    /// <summary>The only hash algorithm used and accepted here (the RFC's default and the IANA name of SHA-256).</summary>
    public const string Sha256 = "sha-256";

    /// <summary>The separator between the issuer-signed JWT, the disclosures and the key binding JWT.</summary>
    public const char Separator = '~';

    /// <summary>The confirmation claim carrying the holder's key (RFC 7800).</summary>
    public const string Cnf = "cnf";

    /// <summary>The member of <c>cnf</c> holding the holder's public JWK.</summary>
    public const string Jwk = "jwk";

    /// <summary>The <c>typ</c> of a key binding JWT (RFC 9901 §4.3).</summary>
    public const string KeyBindingJwtType = "kb+jwt";

    /// <summary>Key binding claim: the digest of the presented SD-JWT (RFC 9901 §4.3.1).</summary>
    public const string SdHash = "sd_hash";

    /// <summary>Key binding claim: the verifier's nonce.</summary>
    public const string Nonce = "nonce";

    /// <summary>Key binding claim: the intended verifier.</summary>
    public const string Aud = "aud";

    /// <summary>Claim: issued at (NumericDate).</summary>
    public const string Iat = "iat";

    /// <summary>ECDSA P-256 with SHA-256.</summary>
    public const string ES256 = "ES256";

    /// <summary>EdDSA (Ed25519 here, RFC 8037).</summary>
    public const string EdDSA = "EdDSA";
}
