using System.Text.Json.Nodes;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;

namespace MicroCredentials.Core.Tests.Keys;

public sealed class DidDocumentBuilderTests
{
    [Test]
    public void Build_DemoKeys_ListsContextsIdAndEveryKey()
    {
        var keys = TestKeys.Demo;

        var document = DidDocumentBuilder.Build(keys);

        Assert.That(document["@context"]!.AsArray().Select(c => (string)c!), Is.EqualTo(new[]
        {
            "https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1", "https://w3id.org/security/jwk/v1",
        }));
        Assert.That((string)document["id"]!, Is.EqualTo(TestKeys.IssuerId));
        var methods = document["verificationMethod"]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.That(methods.Select(m => (string)m["id"]!), Is.EqualTo(new[] { keys.VerificationMethodId, keys.Es256.KeyId, keys.Rs256.KeyId }));
        Assert.That(methods.Select(m => (string)m["controller"]!), Is.All.EqualTo(TestKeys.IssuerId));
        Assert.That(document["assertionMethod"]!.AsArray().Select(a => (string)a!), Is.EqualTo(methods.Select(m => (string)m["id"]!)));
    }

    [Test]
    public void Build_Ed25519Key_IsMultikeyWithFragmentEqualToMultibase()
    {
        var multikey = DidDocumentBuilder.Build(TestKeys.Demo)["verificationMethod"]![0]!.AsObject();

        Assert.That(multikey.Select(m => m.Key), Is.EqualTo(new[] { "id", "type", "controller", "publicKeyMultibase" }));
        Assert.That((string)multikey["type"]!, Is.EqualTo("Multikey"));
        Assert.That((string)multikey["publicKeyMultibase"]!, Is.EqualTo("z6MkunQue6fcff597vwhUGLhpKCgkoZnCP5KRHhnyLA7uxWs"));
        Assert.That((string)multikey["id"]!, Is.EqualTo(TestKeys.IssuerId + "#z6MkunQue6fcff597vwhUGLhpKCgkoZnCP5KRHhnyLA7uxWs"));
    }

    [Test]
    public void Build_JwtKeys_AreJsonWebKeysWithPublicPartsOnly()
    {
        var methods = DidDocumentBuilder.Build(TestKeys.Demo)["verificationMethod"]!.AsArray().Skip(1).Select(m => m!.AsObject()).ToList();

        Assert.That(methods.Select(m => (string)m["type"]!), Is.All.EqualTo("JsonWebKey"));
        Assert.That(methods[0]["publicKeyJwk"]!.AsObject().Select(m => m.Key), Is.EquivalentTo(new[] { "kty", "alg", "crv", "x", "y" }));
        Assert.That(methods[1]["publicKeyJwk"]!.AsObject().Select(m => m.Key), Is.EquivalentTo(new[] { "kty", "alg", "n", "e" }));
    }

    [Test]
    public void Build_RetiredKeys_StayListed()
    {
        using var retiredEc = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var retiredJwt = JwtPublicKey.FromECDsa(retiredEc, TestKeys.IssuerId);
        const string RetiredMultibase = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";

        var document = DidDocumentBuilder.Build(TestKeys.IssuerId,
            [TestKeys.Demo.Ed25519PublicKeyMultibase, RetiredMultibase], [.. TestKeys.Demo.JwtPublicKeys, retiredJwt]);

        var assertion = document["assertionMethod"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.That(assertion, Has.Count.EqualTo(5));
        Assert.That(assertion, Does.Contain(TestKeys.IssuerId + "#" + RetiredMultibase));
        Assert.That(assertion, Does.Contain(retiredJwt.KeyId));
    }

    [Test]
    public void Build_NoPrivateKeyMaterialAnywhere()
    {
        var text = DidDocumentBuilder.Build(TestKeys.Demo).ToJsonString();

        Assert.That(JsonNode.Parse(text)!.ToJsonString(), Does.Not.Contain("\"d\":").And.Not.Contain("secretKeyMultibase").And.Not.Contain("\"p\":"));
    }
}
