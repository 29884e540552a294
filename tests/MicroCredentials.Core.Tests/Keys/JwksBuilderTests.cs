using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;

namespace MicroCredentials.Core.Tests.Keys;

public sealed class JwksBuilderTests
{
    [Test]
    public void Build_DemoKeys_HasEs256AndRs256WithPublicMembersOnly()
    {
        var keys = JwksBuilder.Build(TestKeys.Demo)["keys"]!.AsArray().Select(k => k!.AsObject()).ToList();

        Assert.That(keys, Has.Count.EqualTo(2));
        Assert.That(keys[0].Select(m => m.Key), Is.EquivalentTo(new[] { "kid", "kty", "alg", "use", "crv", "x", "y" }));
        Assert.That(keys[1].Select(m => m.Key), Is.EquivalentTo(new[] { "kid", "kty", "alg", "use", "n", "e" }));
        Assert.That(keys.Select(k => (string)k["alg"]!), Is.EqualTo(new[] { "ES256", "RS256" }));
        Assert.That(keys.Select(k => (string)k["use"]!), Is.All.EqualTo("sig"));
        Assert.That((string)keys[0]["crv"]!, Is.EqualTo("P-256"));
        Assert.That((string)keys[1]["e"]!, Is.EqualTo("AQAB"));
    }

    [Test]
    public void Build_Kid_IsIssuerIdHashRfc7638Thumbprint()
    {
        foreach (var jwk in JwksBuilder.Build(TestKeys.Demo)["keys"]!.AsArray().Select(k => k!.AsObject()))
        {
            // The RFC 7638 canonical form, written out by hand: required members only, sorted, no whitespace.
            var canonical = (string)jwk["kty"]! == "EC"
                ? $"{{\"crv\":\"{jwk["crv"]}\",\"kty\":\"EC\",\"x\":\"{jwk["x"]}\",\"y\":\"{jwk["y"]}\"}}"
                : $"{{\"e\":\"{jwk["e"]}\",\"kty\":\"RSA\",\"n\":\"{jwk["n"]}\"}}";
            var thumbprint = Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));

            Assert.That((string)jwk["kid"]!, Is.EqualTo(TestKeys.IssuerId + "#" + thumbprint));
        }
    }

    [Test]
    public void Thumbprint_Rfc7638Example_MatchesPublishedValue()
    {
        // RFC 7638 §3.1.
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["n"] = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            ["e"] = "AQAB",
            ["alg"] = "RS256",
            ["kid"] = "2011-04-29",
        };

        Assert.That(JwtPublicKey.TryFromJwk(jwk, "did:web:example.com", out var key, out var error), Is.True, error);
        Assert.That(key!.Thumbprint, Is.EqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
        Assert.That(JwtPublicKey.ComputeThumbprint(jwk), Is.EqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
    }

    [Test]
    public void Build_RetiredKey_IsPublishedAndDeduplicated()
    {
        using var retired = RSA.Create(2048);
        var retiredKey = JwtPublicKey.FromRsa(retired, TestKeys.IssuerId);

        var keys = JwksBuilder.Build([.. TestKeys.Demo.JwtPublicKeys, retiredKey, retiredKey])["keys"]!.AsArray();

        Assert.That(keys.Select(k => (string)k!["kid"]!), Is.EqualTo(new[] { TestKeys.Demo.Es256.KeyId, TestKeys.Demo.Rs256.KeyId, retiredKey.KeyId }));
    }

    [Test]
    public void TryFromJwk_PublishedJwk_RoundTripsToSameKey()
    {
        foreach (var key in TestKeys.Demo.JwtPublicKeys)
        {
            Assert.That(JwtPublicKey.TryFromJwk(key.ToJwk(), TestKeys.IssuerId, out var back, out _), Is.True);
            Assert.That(back!.KeyId, Is.EqualTo(key.KeyId));
        }
    }

    [TestCase("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AAAA\"}", TestName = "TryFromJwk_Okp_False")]
    [TestCase("{\"kty\":\"EC\",\"crv\":\"P-384\",\"x\":\"AAAA\",\"y\":\"AAAA\"}", TestName = "TryFromJwk_P384_False")]
    [TestCase("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AAAA\",\"y\":\"AAAA\"}", TestName = "TryFromJwk_ShortCoordinates_False")]
    [TestCase("{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}", TestName = "TryFromJwk_TinyRsa_False")]
    public void TryFromJwk_Unusable_ReturnsFalseWithError(string json)
    {
        Assert.That(JwtPublicKey.TryFromJwk(JsonNode.Parse(json)!.AsObject(), TestKeys.IssuerId, out var key, out var error), Is.False);
        Assert.That(key, Is.Null);
        Assert.That(error, Is.Not.Empty);
    }
}
