using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Keys;
using MicroCredentials.Jwt;

namespace MicroCredentials.Core.Tests.Jwt;

/// <summary>Hand-made compact JWS tokens for the attack tests (no JWT library involved).</summary>
internal static class JwtTestTokens
{
    public static ECDsa DemoEs256PrivateKey() => LoadPem<ECDsa>("es256.pem", ECDsa.Create());

    public static RSA DemoRs256PrivateKey() => LoadPem<RSA>("rs256.pem", RSA.Create());

    public static string B64(string text) => Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(text));

    public static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    public static string Decode(string part) => System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(part));

    /// <summary>The payload VcJwtSigner would produce for a credential.</summary>
    public static JsonObject Payload(JsonObject credential)
    {
        var parts = VcJwtSigner.Sign(credential, TestKeys.Demo.Es256).Split('.');
        return (JsonObject)JsonNode.Parse(Decode(parts[1]))!;
    }

    public static string Es256(JsonObject header, JsonObject payload, ECDsa? key = null) =>
        Es256(header.ToJsonString(), payload.ToJsonString(), key);

    public static string Es256(string header, string payload, ECDsa? key = null)
    {
        var input = B64(header) + "." + B64(payload);
        using var own = key is null ? DemoEs256PrivateKey() : null;
        var signature = (key ?? own!).SignData(System.Text.Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return input + "." + B64(signature);
    }

    public static string Rs256(JsonObject header, JsonObject payload, RSA? key = null)
    {
        var input = B64(header.ToJsonString()) + "." + B64(payload.ToJsonString());
        using var own = key is null ? DemoRs256PrivateKey() : null;
        var signature = (key ?? own!).SignData(System.Text.Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + B64(signature);
    }

    public static string Hs256(JsonObject header, JsonObject payload, byte[] secret)
    {
        var input = B64(header.ToJsonString()) + "." + B64(payload.ToJsonString());
        return input + "." + B64(HMACSHA256.HashData(secret, System.Text.Encoding.ASCII.GetBytes(input)));
    }

    public static JsonObject Header(string alg, string? kid) =>
        kid is null ? new JsonObject { ["alg"] = alg, ["typ"] = "JWT" } : new JsonObject { ["alg"] = alg, ["kid"] = kid, ["typ"] = "JWT" };

    private static T LoadPem<T>(string file, T key)
        where T : AsymmetricAlgorithm
    {
        key.ImportFromPem(File.ReadAllText(Path.Combine(TestKeys.DemoDirectory, file)));
        return key;
    }
}
