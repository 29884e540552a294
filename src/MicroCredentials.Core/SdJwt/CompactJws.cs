using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;

namespace MicroCredentials.SdJwt;

/// <summary>A compact JWS read strictly (RFC 7515 §7.1): three base64url parts, JSON object header and payload.</summary>
/// <param name="Header">The protected header.</param>
/// <param name="Payload">The payload.</param>
/// <param name="SigningInput">The ASCII of the first two parts as received (what the signature covers).</param>
/// <param name="Signature">The signature bytes.</param>
public sealed record CompactJws(JsonObject Header, JsonObject Payload, byte[] SigningInput, byte[] Signature)
{
    /// <summary>The header <c>alg</c>, or null.</summary>
    public string? Algorithm => StringMember(Header, JwtClaims.Alg);

    /// <summary>The header <c>typ</c>, or null.</summary>
    public string? Type => StringMember(Header, JwtClaims.Typ);

    /// <summary>Reads a compact JWS; null (and a reason) when it is not one.</summary>
    public static CompactJws? TryRead(string? jws, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(jws))
        {
            error = "the JWS is empty";
            return null;
        }

        var parts = jws.Split('.');
        if (parts.Length != 3)
        {
            error = "a compact JWS has exactly three parts";
            return null;
        }

        if (!StrictBase64Url.TryDecode(parts[0], out var headerBytes) || SdJwtJson.TryParse(headerBytes) is not JsonObject header
            || !StrictBase64Url.TryDecode(parts[1], out var payloadBytes) || SdJwtJson.TryParse(payloadBytes) is not JsonObject payload)
        {
            error = "the JWS header and payload must be base64url JSON objects";
            return null;
        }

        if (!StrictBase64Url.TryDecode(parts[2], out var signature) || signature.Length == 0)
        {
            error = "the JWS signature is not base64url";
            return null;
        }

        return new CompactJws(header, payload, Encoding.ASCII.GetBytes(jws, 0, parts[0].Length + 1 + parts[1].Length), signature);
    }

    /// <summary>The issuer key named by the header <c>kid</c> if it verifies this JWS (same algorithm), else null.</summary>
    public JwtPublicKey? VerifiedBy(JwtKeyResolver keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var kid = StringMember(Header, JwtClaims.Kid);
        var key = kid is null ? null : keys.FindByKeyId(kid);
        return key is not null && key.Algorithm == Algorithm && key.VerifySignature(SigningInput, Signature) ? key : null;
    }

    /// <summary>A string member of an object, or null.</summary>
    public static string? StringMember(JsonObject obj, string name)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    /// <summary>An integer NumericDate member of an object, or null.</summary>
    public static long? NumericDate(JsonObject obj, string name)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<long>(out var seconds) ? seconds : null;
    }
}
