using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.Jwt;

/// <summary>The JOSE header checks: algorithm, allowed members, <c>typ</c>, <c>jwk</c>, and the key lookup.</summary>
public static partial class VcJwtVerifier
{
    // OB 3.0: "Additional JOSE Headers are NOT allowed" beyond these four.
    private static readonly HashSet<string> AllowedHeaderMembers = [JwtClaims.Alg, JwtClaims.Kid, JwtClaims.Jwk, JwtClaims.Typ];

    // Private (RSA/EC/OKP) and symmetric (oct) JWK members; a key carrying any of them is a leaked secret.
    private static readonly string[] PrivateJwkMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

    private static JwtVerificationResult? ReadHeader(ReadOnlySpan<char> encoded, JwtKeyResolver keys, out JoseHeader header)
    {
        header = default;
        if (!StrictBase64Url.TryDecode(encoded, out var bytes) || bytes.Length == 0)
        {
            return Malformed("the header is not base64url");
        }

        JsonObject members;
        try
        {
            using var document = JsonDocument.Parse(bytes, StrictJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Malformed("the header is not a JSON object");
            }

            members = JsonObject.Create(document.RootElement.Clone())!;
        }
        catch (JsonException)
        {
            return Malformed("the header is not JSON (or repeats a member)");
        }

        if (!members.TryGetPropertyValue(JwtClaims.Alg, out var algNode) || !TryString(algNode, out var alg))
        {
            return Malformed("the header has no alg string");
        }

        if (alg is not JwtClaims.RS256 and not JwtClaims.ES256)
        {
            return JwtVerificationResult.Fail(JwtVerificationFailure.UnsupportedAlgorithm, DescribeAlgorithm(alg));
        }

        var extra = members.Select(m => m.Key).FirstOrDefault(name => !AllowedHeaderMembers.Contains(name));
        if (extra is not null)
        {
            return JwtVerificationResult.Fail(JwtVerificationFailure.ForbiddenHeader, $"header member '{Printable(extra)}' is not allowed by OB 3.0", null, alg);
        }

        if (members.TryGetPropertyValue(JwtClaims.Typ, out var typNode) && (!TryString(typNode, out var typ) || typ != JwtClaims.JwtType))
        {
            return JwtVerificationResult.Fail(JwtVerificationFailure.ForbiddenHeader, "typ must be \"JWT\" when present", null, alg);
        }

        return ResolveKey(members, keys, alg, out header);
    }

    private static JwtVerificationResult? ResolveKey(JsonObject members, JwtKeyResolver keys, string alg, out JoseHeader header)
    {
        header = default;
        JsonObject? jwk = null;
        if (members.TryGetPropertyValue(JwtClaims.Jwk, out var jwkNode))
        {
            jwk = jwkNode as JsonObject;
            if (jwk is null)
            {
                return Malformed("the jwk header is not a JSON object", null, alg);
            }

            if (PrivateJwkMembers.Any(jwk.ContainsKey))
            {
                return JwtVerificationResult.Fail(JwtVerificationFailure.PrivateKeyInHeader, "the jwk header carries private key material", null, alg);
            }
        }

        JwtPublicKey? key = null;
        if (members.TryGetPropertyValue(JwtClaims.Kid, out var kidNode))
        {
            if (!TryString(kidNode, out var kid) || kid.Length == 0)
            {
                return Malformed("kid is not a non-empty string", null, alg);
            }

            key = keys.FindByKeyId(kid);
            if (key is null)
            {
                return JwtVerificationResult.Fail(JwtVerificationFailure.UnknownKey, "kid names no key of the issuer", null, alg);
            }
        }

        if (jwk is not null)
        {
            var byJwk = keys.FindByJwk(jwk);
            if (byJwk is null || (key is not null && !key.HasSameKey(byJwk)))
            {
                return JwtVerificationResult.Fail(JwtVerificationFailure.UnknownKey,
                    key is null ? "the jwk header is not one of the issuer's keys" : "the jwk header is not the key named by kid", key?.KeyId, alg);
            }

            key ??= byJwk;
        }

        if (key is null)
        {
            return JwtVerificationResult.Fail(JwtVerificationFailure.UnknownKey, "the header names no key (neither kid nor jwk)", null, alg);
        }

        header = new JoseHeader(alg, key);
        return null;
    }

    private static string DescribeAlgorithm(string alg) => alg switch
    {
        _ when alg.Equals("none", StringComparison.OrdinalIgnoreCase) => "alg none (unsecured JWT) is not accepted",
        _ when alg.StartsWith("HS", StringComparison.OrdinalIgnoreCase) => $"HMAC algorithm {Printable(alg)} is not accepted",
        _ => $"alg {Printable(alg)} is not accepted (only RS256 and ES256)",
    };

    private static bool TryString(JsonNode? node, out string text)
    {
        text = "";
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }

        return false;
    }

    // Attacker-controlled text goes into a message for people: keep it short and printable.
    private static string Printable(string text)
    {
        var clean = new string([.. text.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 40 ? clean + "…" : clean;
    }

    private readonly record struct JoseHeader(string Algorithm, JwtPublicKey Key);
}
