using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MicroCredentials.Jwt;

/// <summary>JWK export, import and RFC 7638 thumbprints.</summary>
public sealed partial class JwtPublicKey
{
    private readonly JsonObject jwkMembers;

    /// <summary>
    /// The public JWK (RFC 7517) as published in the JWKS: <c>kid</c>, <c>kty</c>, <c>alg</c>, <c>use</c> "sig" and
    /// the public parameters only (<c>crv</c>/<c>x</c>/<c>y</c> or <c>n</c>/<c>e</c>). A fresh object on every call.
    /// </summary>
    public JsonObject ToJwk()
    {
        var jwk = new JsonObject
        {
            [JwtClaims.Kid] = KeyId,
            ["kty"] = jwkMembers["kty"]!.DeepClone(),
            [JwtClaims.Alg] = Algorithm,
            ["use"] = "sig",
        };
        foreach (var (name, value) in jwkMembers)
        {
            if (name != "kty")
            {
                jwk[name] = value!.DeepClone();
            }
        }

        return jwk;
    }

    /// <summary>
    /// Reads a public key from a JWK (<c>kty</c> EC with <c>crv</c> P-256, or RSA); private members, if any, are ignored.
    /// </summary>
    /// <param name="jwk">The JWK object.</param>
    /// <param name="controller">The issuer id that controls the key.</param>
    /// <param name="key">The key, or null.</param>
    /// <param name="error">Why the JWK was not accepted, or null.</param>
    /// <returns>True when <paramref name="jwk"/> is a usable ES256 or RS256 public key.</returns>
    public static bool TryFromJwk(JsonObject jwk, string controller, out JwtPublicKey? key, out string? error)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        ArgumentException.ThrowIfNullOrWhiteSpace(controller);
        key = null;
        error = null;
        try
        {
            switch (Member(jwk, "kty"))
            {
                case "EC":
                    if (Member(jwk, "crv") != "P-256")
                    {
                        error = "an EC JWK must be on crv P-256";
                        return false;
                    }

                    using (var ec = ECDsa.Create(new ECParameters
                    {
                        Curve = ECCurve.NamedCurves.nistP256,
                        Q = new ECPoint { X = Bytes(jwk, "x", 32), Y = Bytes(jwk, "y", 32) },
                    }))
                    {
                        key = FromECDsa(ec, controller);
                    }

                    return true;
                case "RSA":
                    using (var rsaKey = RSA.Create())
                    {
                        rsaKey.ImportParameters(new RSAParameters { Modulus = Bytes(jwk, "n"), Exponent = Bytes(jwk, "e") });
                        key = FromRsa(rsaKey, controller);
                    }

                    return true;
                default:
                    error = "kty must be EC (P-256) or RSA";
                    return false;
            }
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            error = "not a valid public key: " + ex.Message;
            return false;
        }
    }

    /// <summary>
    /// The RFC 7638 thumbprint of an EC or RSA JWK: SHA-256 over the required members in lexicographic order,
    /// base64url. Null when a required member is missing or not a string, or the key type is another.
    /// </summary>
    internal static string? ComputeThumbprint(JsonObject jwk)
    {
        string[] required = Member(jwk, "kty") switch
        {
            "EC" => ["crv", "kty", "x", "y"],
            "RSA" => ["e", "kty", "n"],
            _ => [],
        };
        if (required.Length == 0)
        {
            return null;
        }

        var canonical = new StringBuilder("{");
        foreach (var name in required)
        {
            var value = Member(jwk, name);
            if (value is null)
            {
                return null;
            }

            // Member values of EC/RSA JWKs are base64url or fixed names, so no JSON escaping is needed — but reject
            // anything else rather than hash an ambiguous form.
            if (value.Any(c => c is '"' or '\\' || char.IsControl(c)))
            {
                return null;
            }

            canonical.Append(canonical.Length > 1 ? "," : "").Append('"').Append(name).Append("\":\"").Append(value).Append('"');
        }

        canonical.Append('}');
        return Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static JsonObject EcJwk(ECParameters p) => new()
    {
        ["kty"] = "EC",
        ["crv"] = "P-256",
        ["x"] = Base64Url.EncodeToString(p.Q.X),
        ["y"] = Base64Url.EncodeToString(p.Q.Y),
    };

    private static JsonObject RsaJwk(RSAParameters p) => new()
    {
        ["kty"] = "RSA",
        ["n"] = Base64Url.EncodeToString(TrimLeadingZeros(p.Modulus!)),
        ["e"] = Base64Url.EncodeToString(TrimLeadingZeros(p.Exponent!)),
    };

    private static byte[] TrimLeadingZeros(byte[] value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }

        return value[start..];
    }

    private static string? Member(JsonObject jwk, string name) =>
        jwk.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static byte[] Bytes(JsonObject jwk, string name, int? length = null)
    {
        var text = Member(jwk, name) ?? throw new FormatException($"member '{name}' is missing or not a string");
        if (!StrictBase64Url.TryDecode(text, out var bytes))
        {
            throw new FormatException($"member '{name}' is not base64url");
        }

        if (length is { } expected && bytes.Length != expected)
        {
            throw new FormatException($"member '{name}' must be {expected} bytes");
        }

        return bytes;
    }
}
