using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;
using NSec.Cryptography;

namespace MicroCredentials.SdJwt;

/// <summary>
/// A holder's (wallet's) public key from a JWK — EC P-256 for ES256 or OKP Ed25519 for EdDSA (RFC 8037) — as found in
/// an SD-JWT's <c>cnf.jwk</c> or an OpenID4VCI key proof header. Immutable.
/// </summary>
public sealed class HolderKey
{
    private readonly JwtPublicKey? ec;
    private readonly PublicKey? ed25519;

    private HolderKey(JwtPublicKey? ec, PublicKey? ed25519, JsonObject jwk, string thumbprint)
    {
        this.ec = ec;
        this.ed25519 = ed25519;
        Jwk = jwk;
        Thumbprint = thumbprint;
    }

    /// <summary><c>ES256</c> or <c>EdDSA</c>.</summary>
    public string Algorithm => ec is null ? SdJwtTerms.EdDSA : SdJwtTerms.ES256;

    /// <summary>The public JWK with only its public members (<c>kty</c>, <c>crv</c>, <c>x</c>[, <c>y</c>]).</summary>
    public JsonObject Jwk { get; }

    /// <summary>The RFC 7638 thumbprint (SHA-256, base64url).</summary>
    public string Thumbprint { get; }

    /// <summary>Reads a public JWK; null (and a reason) when it is not a P-256 or Ed25519 public key.</summary>
    /// <param name="jwk">The JWK.</param>
    /// <param name="error">Why it was refused, or null.</param>
    public static HolderKey? TryFromJwk(JsonNode? jwk, out string? error)
    {
        error = null;
        if (jwk is not JsonObject obj)
        {
            error = "the key is not a JWK object";
            return null;
        }

        if (obj.ContainsKey("d"))
        {
            error = "the JWK carries a private key";
            return null;
        }

        var kty = Member(obj, "kty");
        if (kty == "EC")
        {
            if (!JwtPublicKey.TryFromJwk(obj, "urn:holder", out var key, out error) || key is null)
            {
                return null;
            }

            var publicJwk = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Member(obj, "x"), ["y"] = Member(obj, "y") };
            return new HolderKey(key, null, publicJwk, key.Thumbprint);
        }

        if (kty == "OKP" && Member(obj, "crv") == "Ed25519" && Member(obj, "x") is { } x
            && StrictBase64Url.TryDecode(x, out var raw) && raw.Length == 32
            && PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var publicKey) && publicKey is not null)
        {
            var publicJwk = new JsonObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = x };
            return new HolderKey(null, publicKey, publicJwk, OkpThumbprint(x));
        }

        error = "the JWK must be EC P-256 or OKP Ed25519";
        return null;
    }

    /// <summary>Verifies a JWS signature of this key's algorithm over the signing input.</summary>
    public bool VerifySignature(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature) =>
        ec is not null
            ? ec.VerifySignature(signingInput, signature)
            : signature.Length == 64 && SignatureAlgorithm.Ed25519.Verify(ed25519!, signingInput, signature);

    /// <summary>True when the other key is the same public key.</summary>
    public bool HasSameKey(HolderKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Thumbprint, other.Thumbprint, StringComparison.Ordinal);
    }

    // RFC 8037 §2 / RFC 7638: the required members of an OKP key are crv, kty, x, in that order.
    private static string OkpThumbprint(string x) =>
        System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}")));

    private static string? Member(JsonObject jwk, string name) =>
        jwk.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
