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

    /// <summary>The JWKS of a key set: ES256, RS256, then the retired keys.</summary>
    public static JsonObject Build(IssuerKeySet keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Build(keys.JwtPublicKeys);
    }

    /// <summary><c>{"keys": [...]}</c>, each with <c>kid</c>, <c>kty</c>, <c>alg</c>, <c>use</c> "sig" and the public parameters.</summary>
    public static JsonObject Build(IEnumerable<JwtPublicKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new JsonObject { ["keys"] = new JsonArray([.. keys.DistinctBy(k => k.KeyId).Select(k => (JsonNode)k.ToJwk())]) };
    }
}
