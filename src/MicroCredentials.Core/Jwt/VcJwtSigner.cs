using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MicroCredentials.Jwt;

/// <summary>
/// Signs a credential as a VC-JWT the way OB 3.0 specifies (§"JSON Web Token Proof Format"; STANDARDS §2.1, §10.1).
/// </summary>
public static class VcJwtSigner
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    // Non-ASCII stays readable in the payload (it is base64url-encoded, so no HTML escaping is needed).
    private static readonly JsonSerializerOptions PayloadOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Produces the compact JWS of a credential.
    /// <list type="number">
    /// <item>JOSE header exactly <c>{"alg", "kid", "typ": "JWT"}</c> — OB 3.0 allows no other header members.</item>
    /// <item>Payload = the credential JSON itself (embedded proofs, if any, stay) plus <c>iss</c> = <c>issuer.id</c>,
    /// <c>jti</c> = <c>id</c>, <c>nbf</c> = <c>validFrom</c> as NumericDate, <c>sub</c> = <c>credentialSubject.id</c>
    /// only when present, <c>exp</c> = <c>validUntil</c> only when present. No <c>iat</c> and no <c>vc</c> claim.</item>
    /// <item>Signature RS256 (RSASSA-PKCS1-v1_5 SHA-256) or ES256 (P-256, r ‖ s), by Microsoft.IdentityModel.</item>
    /// </list>
    /// </summary>
    /// <param name="credential">The credential; not modified.</param>
    /// <param name="key">The issuer's signing key; its controller must be the credential's <c>issuer.id</c>.</param>
    /// <returns><c>base64url(header).base64url(payload).base64url(signature)</c>.</returns>
    /// <exception cref="ArgumentException">The credential lacks <c>id</c>, <c>issuer.id</c> or <c>validFrom</c>, a date
    /// has no time zone, or the key belongs to another issuer.</exception>
    public static string Sign(JsonObject credential, JwtSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(key);
        var claims = CredentialClaims.Read(credential, out var datesWellFormed);
        if (claims.IssuerId is null || claims.Id is null || claims.ValidFrom is null || !datesWellFormed)
        {
            throw new ArgumentException("A VC-JWT needs a credential with id, issuer.id and validFrom (DateTimeZ).", nameof(credential));
        }

        if (claims.IssuerId != key.PublicKey.Controller)
        {
            throw new ArgumentException($"The key belongs to '{key.PublicKey.Controller}', not to the issuer '{claims.IssuerId}'.", nameof(key));
        }

        var payload = (JsonObject)credential.DeepClone();
        payload[JwtClaims.Iss] = claims.IssuerId;
        payload[JwtClaims.Jti] = claims.Id;
        payload[JwtClaims.Nbf] = CredentialClaims.NumericDate(claims.ValidFrom.Value);
        SetOrRemove(payload, JwtClaims.Sub, claims.SubjectId);
        SetOrRemove(payload, JwtClaims.Exp, claims.ValidUntil is { } until ? CredentialClaims.NumericDate(until) : null);

        // The string overload signs the payload as given: no claims are added and the header is alg, kid, typ.
        return Handler.CreateToken(payload.ToJsonString(PayloadOptions), key.SigningCredentials);
    }

    private static void SetOrRemove(JsonObject payload, string name, JsonNode? value)
    {
        if (value is null)
        {
            payload.Remove(name);
        }
        else
        {
            payload[name] = value;
        }
    }
}
