using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace MicroCredentials.Host.Tests.Fuzz;

internal sealed partial class FuzzGenerator
{
    // The attacker's own key: tokens signed with it must never verify, whatever the header says about it.
    private static readonly Lazy<RSA> Attacker = new(() => RSA.Create(2048));

    // The issuer's public RSA key as PEM text: the secret an HS256 confusion attack would use.
    private static readonly Lazy<byte[]> IssuerPublicPem = new(() =>
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Infrastructure.RepositoryPaths.File("keys.example", "rs256.pem")));
        return Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem());
    });

    private byte[] JwtCase(Random rng, string cls) => Encoding.UTF8.GetBytes(cls switch
    {
        "jwt-header" => JwtHeader(rng),
        "jwt-payload" => JwtPayload(rng),
        "jwt-segments" => JwtSegments(rng),
        "jwt-bitflip" => JwtBitFlip(rng),
        _ => throw new ArgumentOutOfRangeException(nameof(cls), cls, "not a JWT class"),
    });

    private (JsonObject Header, JsonObject Payload, string Signature) JwtParts()
    {
        var parts = genuine.Jwt.Split('.');
        return (JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject(), JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject(), parts[2]);
    }

    private static string Encode(JsonNode node) => Base64UrlEncoder.Encode(node.ToJsonString());

    private static string SignRs256(string signingInput) =>
        Base64UrlEncoder.Encode(Attacker.Value.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private string JwtHeader(Random rng)
    {
        var (header, payload, signature) = JwtParts();
        var body = Encode(payload);
        switch (rng.Next(9))
        {
            case 0:
                header["alg"] = Pick(rng, ["none", "None", "NONE", "nOnE"]);
                return Encode(header) + "." + body + "." + Pick(rng, ["", signature]);
            case 1:
            {
                // RS256 → HS256 confusion: an HMAC keyed with the issuer's public key material.
                header["alg"] = "HS256";
                var input = Encode(header) + "." + body;
                var mac = HMACSHA256.HashData(IssuerPublicPem.Value, Encoding.ASCII.GetBytes(input));
                return input + "." + Base64UrlEncoder.Encode(mac);
            }

            case 2:
                header["alg"] = Pick(rng, ["RS512", "ES256", "PS256", "EdDSA", "HS512", "", "RS256 "]);
                return Encode(header) + "." + body + "." + signature;
            case 3:
                header["kid"] = JsonNode.Parse(Pick(rng, ["\"\"", "\"../../../../etc/passwd\"", "\"" + new string('k', 100_000) + "\"", "1", "{}", "[]", "null",
                    "\"https://127.0.0.1/jwks.json#k\"", "\"did:web:evil.example#key-1\"", "\"' OR 1=1 --\""]));
                return Encode(header) + "." + body + "." + signature;
            case 4:
            {
                // The attacker's key embedded in the header, and a signature that it verifies.
                var p = Attacker.Value.ExportParameters(false);
                header["jwk"] = new JsonObject { ["kty"] = "RSA", ["n"] = Base64UrlEncoder.Encode(p.Modulus!), ["e"] = Base64UrlEncoder.Encode(p.Exponent!) };
                var input = Encode(header) + "." + body;
                return input + "." + SignRs256(input);
            }

            case 5:
                header[Pick(rng, ["jku", "x5u"])] = Pick(rng, InternalUrls);
                return Encode(header) + "." + body + "." + signature;
            case 6:
                header["crit"] = JsonNode.Parse(Pick(rng, ["[\"exp\"]", "[\"b64\"]", "\"b64\"", "[]"]));
                header["b64"] = false;
                return Encode(header) + "." + body + "." + signature;
            case 7:
                header["typ"] = JsonNode.Parse(Pick(rng, ["\"vc+jwt\"", "\"JWT \"", "123", "null", "\"JOSE+JSON\""]));
                header["zip"] = "DEF";
                return Encode(header) + "." + body + "." + signature;
            default:
            {
                // Same kid, the attacker's signature.
                var input = Encode(header) + "." + body;
                return input + "." + SignRs256(input);
            }
        }
    }

    private string JwtPayload(Random rng)
    {
        var (header, payload, signature) = JwtParts();
        string mutated;
        switch (rng.Next(4))
        {
            case 0:
                mutated = Replace(rng, payload, RandomValueJson(rng));
                break;
            case 1:
                payload[Pick(rng, ["nbf", "exp", "iat"])] = JsonNode.Parse(Pick(rng, ["\"tomorrow\"", "-1", "1e309", "99999999999999999999", "null", "[]", "4102444800"]));
                mutated = payload.ToJsonString();
                break;
            case 2:
                payload[Pick(rng, ["iss", "sub", "jti"])] = JsonNode.Parse(Pick(rng, ["\"did:web:evil.example\"", "1", "{}", "\"\"", "null"]));
                mutated = payload.ToJsonString();
                break;
            default:
                mutated = Duplicate(rng, payload);
                break;
        }

        var input = Encode(header) + "." + Base64UrlEncoder.Encode(mutated);
        return input + "." + (rng.Next(3) == 0 ? SignRs256(input) : signature);
    }

    private string JwtSegments(Random rng)
    {
        var parts = genuine.Jwt.Split('.');
        return rng.Next(8) switch
        {
            0 => Base64UrlEncoder.Encode(new string('{', 1) + "\"alg\":\"RS256\",\"x\":\"" + new string('a', Pick(rng, [100_000, 1_000_000, 3_000_000])) + "\"}") + "." + parts[1] + "." + parts[2],
            1 => genuine.Jwt + "." + Pick(rng, ["", parts[2], "x.y"]),
            2 => string.Join('.', parts.Select((p, i) => i == rng.Next(3) ? "" : p)),
            3 => parts[0] + "==." + parts[1] + "=." + parts[2],
            4 => genuine.Jwt.Replace('-', '+').Replace('_', '/'),
            5 => genuine.Jwt.Insert(rng.Next(genuine.Jwt.Length), Pick(rng, [" ", "\n", "\t", "\u00a0", "\u200b"])),
            6 => Pick(rng, ["Bearer ", "\"", "{", "ey"]) + genuine.Jwt,
            _ => string.Concat(Enumerable.Repeat(".", Pick(rng, [2, 3, 100, 100_000]))),
        };
    }

    private string JwtBitFlip(Random rng)
    {
        if (rng.Next(3) == 0)
        {
            return genuine.Jwt[..rng.Next(genuine.Jwt.Length)];
        }

        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var chars = genuine.Jwt.ToCharArray();
        for (var i = 0; i < 1 + rng.Next(5); i++)
        {
            var at = rng.Next(chars.Length);
            if (chars[at] != '.')
            {
                chars[at] = Alphabet[rng.Next(Alphabet.Length)];
            }
        }

        return new string(chars);
    }
}
