using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;
using MicroCredentials.SdJwt;

namespace MicroCredentials.Core.Tests.SdJwt;

/// <summary>Issue with our issuer key, present with ES256 and EdDSA holder keys, verify.</summary>
public sealed class SdJwtRoundTripTests
{
    private const string Issuer = "did:web:issuer.example";
    private const long Now = 1_780_000_000;

    [TestCase("ES256")]
    [TestCase("EdDSA")]
    public void Present_EachClaimAlone_VerifiesWithOnlyThatClaim(string holderAlgorithm)
    {
        using var issuerKey = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), Issuer);
        using var holder = holderAlgorithm == "ES256" ? HolderSigningKey.CreateES256() : HolderSigningKey.CreateEdDsa();
        var issued = Issue(issuerKey, holder, decoys: 3);

        foreach (var claim in new[] { "name", "grade", "outcomes" })
        {
            var presented = SdJwtPresentation.Select(issued, d => d.Name == claim);
            var withKb = SdJwtPresentation.AddKeyBinding(presented, holder, "https://verifier.example", "n-" + claim, DateTimeOffset.FromUnixTimeSeconds(Now));
            var result = SdJwtVerifier.Verify(withKb, Keys(issuerKey), SdJwtRfc9901Tests.ClockAt(Now + 5), new SdJwtVerificationOptions
            {
                ExpectedType = "dc+sd-jwt",
                RequireKeyBinding = true,
                ExpectedAudience = "https://verifier.example",
                ExpectedNonce = "n-" + claim,
            });

            Assert.That(result.IsValid, Is.True, result.Detail);
            Assert.That(result.KeyBound, Is.True);
            Assert.That(result.DisclosedPaths, Is.EqualTo(new[] { "/achievement/" + claim }));
            var achievement = result.Payload!["achievement"]!.AsObject();
            Assert.That(achievement.Select(m => m.Key), Is.EquivalentTo(new[] { "type", claim }));
            Assert.That(result.IssuerKeyId, Is.EqualTo(issuerKey.KeyId));
        }
    }

    [Test]
    public void Present_NestedArrayElements_OnlyChosenElementsAppear()
    {
        using var issuerKey = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), Issuer);
        using var holder = HolderSigningKey.CreateES256();
        var issued = Issue(issuerKey, holder);
        var presented = SdJwtPresentation.Select(issued, d => d.Name == "outcomes" || (d.IsArrayElement && d.Value!.GetValue<string>() == "B"));

        var result = SdJwtVerifier.Verify(presented, Keys(issuerKey), SdJwtRfc9901Tests.ClockAt(Now));

        Assert.That(result.IsValid, Is.True, result.Detail);
        Assert.That(result.Payload!["achievement"]!["outcomes"]!.ToJsonString(), Is.EqualTo("[\"B\"]"));
    }

    [Test]
    public void Verify_KeyBindingByAnotherKey_KeyBindingInvalid()
    {
        using var issuerKey = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), Issuer);
        using var holder = HolderSigningKey.CreateEdDsa();
        using var thief = HolderSigningKey.CreateEdDsa();
        var issued = Issue(issuerKey, holder);
        var withKb = SdJwtPresentation.AddKeyBinding(issued, thief, "aud", "nonce", DateTimeOffset.FromUnixTimeSeconds(Now));

        var result = SdJwtVerifier.Verify(withKb, Keys(issuerKey), SdJwtRfc9901Tests.ClockAt(Now));

        Assert.That(result.Failure, Is.EqualTo(SdJwtVerificationFailure.KeyBindingInvalid));
    }

    [Test]
    public void Verify_KeyBindingRequiredButAbsent_KeyBindingMissing()
    {
        using var issuerKey = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), Issuer);
        using var holder = HolderSigningKey.CreateES256();
        var result = SdJwtVerifier.Verify(Issue(issuerKey, holder), Keys(issuerKey), SdJwtRfc9901Tests.ClockAt(Now), new SdJwtVerificationOptions { RequireKeyBinding = true });
        Assert.That(result.Failure, Is.EqualTo(SdJwtVerificationFailure.KeyBindingMissing));
    }

    [Test]
    public void Verify_WrongType_WrongType()
    {
        using var issuerKey = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), Issuer);
        using var holder = HolderSigningKey.CreateES256();
        var result = SdJwtVerifier.Verify(Issue(issuerKey, holder), Keys(issuerKey), SdJwtRfc9901Tests.ClockAt(Now), new SdJwtVerificationOptions { ExpectedType = "vc+sd-jwt" });
        Assert.That(result.Failure, Is.EqualTo(SdJwtVerificationFailure.WrongType));
    }

    internal static string Issue(JwtSigningKey issuerKey, HolderSigningKey holder, int decoys = 0)
    {
        var claims = new JsonObject
        {
            ["iss"] = Issuer,
            ["iat"] = Now - 100,
            ["cnf"] = new JsonObject { ["jwk"] = holder.PublicKey.Jwk.DeepClone() },
            ["achievement"] = new JsonObject
            {
                ["type"] = "Achievement",
                ["name"] = "Datawetenschap — één module",
                ["grade"] = "8.5",
                ["outcomes"] = new JsonArray("A", "B", "C"),
            },
        };
        var payload = new SdJwtPayloadBuilder { DecoysPerObject = decoys }.Build(claims, [
            "/achievement/name", "/achievement/grade", "/achievement/outcomes",
            "/achievement/outcomes/0", "/achievement/outcomes/1", "/achievement/outcomes/2",
        ]);
        return SdJwtIssuer.Issue(payload, issuerKey, "dc+sd-jwt");
    }

    internal static JwtKeyResolver Keys(JwtSigningKey key) => new([key.PublicKey]);
}
