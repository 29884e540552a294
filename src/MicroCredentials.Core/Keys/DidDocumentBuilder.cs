using System.Text.Json.Nodes;
using MicroCredentials.Jwt;

namespace MicroCredentials.Keys;

/// <summary>
/// Builds the issuer's DID document (<c>/.well-known/did.json</c>, DID Core §5; Controlled Identifiers §2.2): every key
/// ever used, current and retired, as a verification method listed under <c>assertionMethod</c>, so old credentials
/// keep verifying after a key rotation (DESIGN §4).
/// </summary>
public static class DidDocumentBuilder
{
    /// <summary>The DID Core v1 context.</summary>
    public const string DidContext = "https://www.w3.org/ns/did/v1";

    /// <summary>The Multikey context (defines <c>Multikey</c>, <c>publicKeyMultibase</c>).</summary>
    public const string MultikeyContext = "https://w3id.org/security/multikey/v1";

    /// <summary>The JWK context (defines <c>JsonWebKey</c>, <c>publicKeyJwk</c>).</summary>
    public const string JwkContext = "https://w3id.org/security/jwk/v1";

    /// <summary>The media type to serve it with.</summary>
    public const string MediaType = "application/did+json";

    /// <summary>Builds the DID document of a key set (id = <see cref="IssuerKeySet.IssuerId"/>).</summary>
    public static JsonObject Build(IssuerKeySet keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Build(keys.IssuerId, keys.Ed25519PublicKeysMultibase, keys.JwtPublicKeys);
    }

    /// <summary>
    /// Builds a DID document:
    /// <list type="bullet">
    /// <item><c>@context</c>: DID v1, Multikey v1, JWK v1.</item>
    /// <item><c>verificationMethod</c>: each Ed25519 key as <c>{id: "&lt;did&gt;#z6Mk…", type: "Multikey", controller,
    /// publicKeyMultibase}</c>, then each JWT key as <c>{id: kid, type: "JsonWebKey", controller, publicKeyJwk}</c>
    /// (public members only).</item>
    /// <item><c>assertionMethod</c>: the ids of all of them (credentials are assertions).</item>
    /// </list>
    /// </summary>
    /// <param name="did">The DID (the issuer id).</param>
    /// <param name="ed25519PublicKeysMultibase">Ed25519 keys as <c>z6Mk…</c>, current first.</param>
    /// <param name="jwtKeys">JWT keys, current first; keys of other controllers are left out.</param>
    public static JsonObject Build(string did, IEnumerable<string> ed25519PublicKeysMultibase, IEnumerable<JwtPublicKey> jwtKeys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(did);
        ArgumentNullException.ThrowIfNull(ed25519PublicKeysMultibase);
        ArgumentNullException.ThrowIfNull(jwtKeys);
        var methods = new JsonArray();
        var assertion = new JsonArray();
        foreach (var multibase in ed25519PublicKeysMultibase.Distinct(StringComparer.Ordinal))
        {
            var id = did + "#" + multibase;
            methods.Add(new JsonObject { ["id"] = id, ["type"] = "Multikey", ["controller"] = did, ["publicKeyMultibase"] = multibase });
            assertion.Add(id);
        }

        foreach (var key in jwtKeys.Where(k => k.Controller == did).DistinctBy(k => k.KeyId))
        {
            var jwk = key.ToJwk();
            jwk.Remove(JwtClaims.Kid);
            jwk.Remove("use");
            methods.Add(new JsonObject { ["id"] = key.KeyId, ["type"] = "JsonWebKey", ["controller"] = did, ["publicKeyJwk"] = jwk });
            assertion.Add(key.KeyId);
        }

        return new JsonObject
        {
            ["@context"] = new JsonArray(DidContext, MultikeyContext, JwkContext),
            ["id"] = did,
            ["verificationMethod"] = methods,
            ["assertionMethod"] = assertion,
        };
    }
}
