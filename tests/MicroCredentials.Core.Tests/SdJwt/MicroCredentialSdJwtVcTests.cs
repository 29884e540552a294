using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Jwt;
using MicroCredentials.Model;
using MicroCredentials.SdJwt;

namespace MicroCredentials.Core.Tests.SdJwt;

/// <summary>The sample award as an SD-JWT VC: claims, disclosures alone, key binding, type metadata.</summary>
public sealed class MicroCredentialSdJwtVcTests
{
    private const string StatusUri = "https://credentials.nova-academy.be/status/1/token";
    private static readonly string Vct = Samples.BaseUrl.ToString().TrimEnd('/') + SdJwtVcTerms.VctPath;

    [Test]
    public void Claims_SampleAward_CarriesIssuerTypeHolderStatusAndTheAward()
    {
        var credential = SampleCredential();
        using var holder = HolderSigningKey.CreateES256();

        var claims = MicroCredentialSdJwtVc.Claims(credential, Vct, holder.PublicKey, 4242, StatusUri);

        Assert.Multiple(() =>
        {
            Assert.That(claims["iss"]!.GetValue<string>(), Is.EqualTo(Samples.IssuerId));
            Assert.That(claims["vct"]!.GetValue<string>(), Is.EqualTo(Vct));
            Assert.That(JsonNode.DeepEquals(claims["cnf"]!["jwk"], holder.PublicKey.Jwk), Is.True);
            Assert.That(claims["status"]!["status_list"]!["idx"]!.GetValue<int>(), Is.EqualTo(4242));
            Assert.That(claims["status"]!["status_list"]!["uri"]!.GetValue<string>(), Is.EqualTo(StatusUri));
            Assert.That(claims["credentialSubject"]!["achievement"]!["name"]!.GetValue<string>(),
                Is.EqualTo(credential["credentialSubject"]!["achievement"]!["name"]!.GetValue<string>()));
            Assert.That(claims["credentialSubject"]!["name"], Is.Not.Null);
        });
    }

    [Test]
    public void Present_EachDisclosableClaimAlone_OnlyThatClaimIsShown()
    {
        var credential = SampleCredential();
        using var issuerKey = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), Samples.IssuerId);
        using var holder = HolderSigningKey.CreateEdDsa();
        var payload = MicroCredentialSdJwtVc.Payload(MicroCredentialSdJwtVc.Claims(credential, Vct, holder.PublicKey, 7, StatusUri));
        var issued = SdJwtIssuer.Issue(payload, issuerKey, SdJwtVcTerms.Type);
        var present = payload.Disclosures.Select(d => d.Name).ToList();
        Assert.That(present, Is.SupersetOf(new[] { "name", "learningOutcome", "result", "awardedDate" }));

        foreach (var disclosure in payload.Disclosures)
        {
            var shown = SdJwtPresentation.AddKeyBinding(SdJwtPresentation.Select(issued, d => d.Digest == disclosure.Digest),
                holder, "https://verifier.example", "nonce-1", DateTimeOffset.FromUnixTimeSeconds(1_780_000_000));
            var result = SdJwtVerifier.Verify(shown, new JwtKeyResolver([issuerKey.PublicKey]),
                SdJwtRfc9901Tests.ClockAt(1_780_000_010), new SdJwtVerificationOptions
                {
                    ExpectedType = SdJwtVcTerms.Type,
                    RequireKeyBinding = true,
                    ExpectedAudience = "https://verifier.example",
                    ExpectedNonce = "nonce-1",
                });
            Assert.That(result.IsValid, Is.True, result.Detail);
            Assert.That(result.DisclosedPaths, Has.Count.EqualTo(1));
            Assert.That(MicroCredentialSdJwtVc.DisclosablePaths, Does.Contain(result.DisclosedPaths[0]));
        }
    }

    [Test]
    public void TypeMetadata_ListsEveryDisclosableClaimAsAlwaysInThreeLanguages()
    {
        var metadata = MicroCredentialTypeMetadata.Build(Vct);
        var claims = metadata["claims"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var alwaysSd = claims.Where(c => c["sd"]!.GetValue<string>() == "always")
            .Select(c => "/" + string.Join("/", c["path"]!.AsArray().Select(p => p!.GetValue<string>())));

        Assert.That(alwaysSd, Is.EquivalentTo(MicroCredentialSdJwtVc.DisclosablePaths));
        Assert.That(metadata["display"]!.AsArray().Select(d => d!["locale"]!.GetValue<string>()), Is.EqualTo(new[] { "nl", "en", "fr" }));
        Assert.That(claims.All(c => c["display"]!.AsArray().Count == 3), Is.True);
        Assert.That(metadata["vct"]!.GetValue<string>(), Is.EqualTo(Vct));
    }

    internal static JsonObject SampleCredential() => CredentialJson.ToJsonObject(Samples.IssuedSampleCredentials().First());
}
