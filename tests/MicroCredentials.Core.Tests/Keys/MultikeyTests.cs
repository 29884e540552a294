using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Keys;

namespace MicroCredentials.Core.Tests.Keys;

public sealed class MultikeyTests
{
    [Test]
    public void EncodeEd25519PublicKey_ObVectorKey_MatchesPublishedMultibase()
    {
        var vector = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Standards, "ob3", "test-vectors", "ob3-eddsa-rdfc-2022-vector.json")))!;
        var publicKey = Convert.FromHexString((string)vector["publicKeyHex"]!);

        Assert.That(Multikey.EncodeEd25519PublicKey(publicKey), Is.EqualTo((string)vector["publicKeyMultibase"]!));
    }

    [Test]
    public void Decode_W3cKeyPair_RoundTrips()
    {
        var keyPair = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Standards, "w3c", "eddsa", "keyPair.json")))!;
        var pub = (string)keyPair["publicKeyMultibase"]!;
        var priv = (string)keyPair["privateKeyMultibase"]!;

        Assert.That(Multikey.TryDecodeEd25519PublicKey(pub, out var pk), Is.True);
        Assert.That(Multikey.TryDecodeEd25519SecretKey(priv, out var sk), Is.True);
        Assert.That(Multikey.EncodeEd25519PublicKey(pk), Is.EqualTo(pub));
        Assert.That(Multikey.EncodeEd25519SecretKey(sk), Is.EqualTo(priv));
    }

    [TestCase("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq", TestName = "Secret key where a public key is expected")]
    [TestCase("zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv", TestName = "P-256 key")]
    [TestCase("u7QF", TestName = "Not base58btc")]
    [TestCase("z0OIl", TestName = "Characters outside the alphabet")]
    [TestCase("", TestName = "Empty")]
    public void TryDecodeEd25519PublicKey_OtherPrefixes_Rejected(string value) =>
        Assert.That(Multikey.TryDecodeEd25519PublicKey(value, out _), Is.False);
}
