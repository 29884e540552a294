using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Keys;
using NSec.Cryptography;

namespace MicroCredentials.Core.Tests.DataIntegrity;

/// <summary>The published eddsa vectors: W3C vc-di-eddsa (rdfc and jcs) and the OB 3.0 eddsa-rdfc-2022 vector.</summary>
internal static class TestVectors
{
    public static string W3cEddsa => Path.Combine(RepositoryPaths.Standards, "w3c", "eddsa");

    public static string Ob3 => Path.Combine(RepositoryPaths.Standards, "ob3", "test-vectors");

    public static string W3c(string suite, string file) => File.ReadAllText(Path.Combine(W3cEddsa, suite, file));

    public static JsonObject W3cJson(string suite, string file) => JsonNode.Parse(W3c(suite, file))!.AsObject();

    public static JsonObject W3cUnsigned() => JsonNode.Parse(File.ReadAllText(Path.Combine(W3cEddsa, "unsigned.json")))!.AsObject();

    public static JsonObject Ob3Vector() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Ob3, "ob3-eddsa-rdfc-2022-vector.json")))!.AsObject();

    public static string Ob3File(string file) => File.ReadAllText(Path.Combine(Ob3, file));

    public static Key W3cKey()
    {
        var keyPair = JsonNode.Parse(File.ReadAllText(Path.Combine(W3cEddsa, "keyPair.json")))!;
        Assert.That(Multikey.TryDecodeEd25519SecretKey((string)keyPair["privateKeyMultibase"]!, out var seed), Is.True);
        return Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
    }

    public static byte[] W3cPublicKey()
    {
        var keyPair = JsonNode.Parse(File.ReadAllText(Path.Combine(W3cEddsa, "keyPair.json")))!;
        Assert.That(Multikey.TryDecodeEd25519PublicKey((string)keyPair["publicKeyMultibase"]!, out var pub), Is.True);
        return pub;
    }

    public static Key Ob3Key()
    {
        var seedThenPublic = Convert.FromHexString((string)Ob3Vector()["privateKeyHex_seedThenPublic"]!);
        return Key.Import(SignatureAlgorithm.Ed25519, seedThenPublic.AsSpan(0, 32), KeyBlobFormat.RawPrivateKey);
    }

    public static byte[] Ob3PublicKey() => Convert.FromHexString((string)Ob3Vector()["publicKeyHex"]!);
}
