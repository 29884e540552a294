using System.Text.Json.Nodes;
using MicroCredentials.Jwt;

namespace MicroCredentials.Keys;

/// <summary>
/// Builds the issuer's JWK Set (RFC 7517 §5) served at <c>/.well-known/jwks.json</c>, where OB 3.0 verifiers find the
/// key a VC-JWT's <c>kid</c> names (STANDARDS §2.1, §11). Current and retired keys, public members only.
/// </summary>
public static class JwksBuilder
{
    /// <summary>The media type to serve it with (RFC 7517 §8.5).</summary>
    public const string MediaType = "application/jwk-set+json";

    /// <summary>Member of a JWK (beside the RFC 7517 ones) naming when a rotated key started signing (RFC 3339).</summary>
    public const string ValidFromMember = "validFrom";

    /// <summary>Member of a JWK naming when a rotation retired the key (RFC 3339); credentials dated later are not genuine.</summary>
    public const string ValidUntilMember = "validUntil";

    /// <summary>
    /// The JWKS of a key set: ES256, RS256, then the retired keys; keys with a validity window (after a key rotation)
    /// carry <see cref="ValidFromMember"/> / <see cref="ValidUntilMember"/> (RFC 7517 §4: members a verifier does not
    /// understand are ignored).
    /// </summary>
    public static JsonObject Build(IssuerKeySet keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var set = Build(keys.JwtPublicKeys);
        foreach (var jwk in set["keys"]!.AsArray().OfType<JsonObject>())
        {
            if (jwk[JwtClaims.Kid]?.GetValue<string>() is { } kid && keys.KeyValidity(kid) is { } window)
            {
                if (window.ValidFrom is { } from)
                {
                    jwk[ValidFromMember] = from.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                }

                if (window.ValidUntil is { } until)
                {
                    jwk[ValidUntilMember] = until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        return set;
    }

    /// <summary><c>{"keys": [...]}</c>, each with <c>kid</c>, <c>kty</c>, <c>alg</c>, <c>use</c> "sig" and the public parameters.</summary>
    public static JsonObject Build(IEnumerable<JwtPublicKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new JsonObject { ["keys"] = new JsonArray([.. keys.DistinctBy(k => k.KeyId).Select(k => (JsonNode)k.ToJwk())]) };
    }
}
