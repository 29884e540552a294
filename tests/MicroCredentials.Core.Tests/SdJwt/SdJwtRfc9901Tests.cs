using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;
using MicroCredentials.SdJwt;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Core.Tests.SdJwt;

/// <summary>Our SD-JWT code held to the example of RFC 9901 §5, byte for byte where the RFC fixes the bytes.</summary>
public sealed class SdJwtRfc9901Tests
{
    private static readonly string[] DisclosablePaths =
    [
        "/given_name", "/family_name", "/email", "/phone_number", "/phone_number_verified", "/address", "/birthdate",
        "/updated_at", "/nationalities/0", "/nationalities/1",
    ];

    [Test]
    public void Create_RfcSalts_ReproducesEachDisclosureAndDigest()
    {
        var input = JsonNode.Parse(Rfc9901Examples.InputClaims)!.AsObject();
        var nationalities = input["nationalities"]!.AsArray();
        var nextNationality = 0;
        foreach (var (salt, name, digest, encoded) in Rfc9901Examples.Disclosures)
        {
            var value = name is null ? nationalities[nextNationality++] : input[name];
            var disclosure = SdJwtDisclosure.Create(salt, name, value);
            Assert.Multiple(() =>
            {
                Assert.That(disclosure.Encoded, Is.EqualTo(encoded), name ?? "array element");
                Assert.That(disclosure.Digest, Is.EqualTo(digest), name ?? "array element");
            });
        }
    }

    [Test]
    public void Issued_RfcSdJwt_CarriesExactlyTheRfcDisclosuresInOrder()
    {
        var parts = SdJwtParts.TryParse(Rfc9901Examples.IssuedSdJwt, out _)!;
        Assert.That(parts.Disclosures, Is.EqualTo(Rfc9901Examples.Disclosures.Select(d => d.Disclosure)));
        Assert.That(parts.KeyBindingJwt, Is.Null);
    }

    [Test]
    public void Build_RfcInputAndSalts_GivesTheRfcPayload()
    {
        var salts = new Queue<string>(Rfc9901Examples.Disclosures.Select(d => d.Salt));
        var built = new SdJwtPayloadBuilder(salts.Dequeue).Build(JsonNode.Parse(Rfc9901Examples.InputClaims)!.AsObject(), DisclosablePaths);

        var rfcPayload = CompactJws.TryRead(SdJwtParts.TryParse(Rfc9901Examples.IssuedSdJwt, out _)!.IssuerJwt, out _)!.Payload;
        // The RFC's issuer added iss, iat, exp and cnf around the built payload.
        foreach (var name in new[] { "iss", "iat", "exp", "cnf" })
        {
            built.Payload[name] = rfcPayload[name]!.DeepClone();
        }

        Assert.That(JsonNode.DeepEquals(built.Payload, rfcPayload), Is.True, built.Payload.ToJsonString());
        Assert.That(built.Disclosures.Select(d => d.Encoded), Is.EqualTo(Rfc9901Examples.Disclosures.Select(d => d.Disclosure)));
    }

    [Test]
    public void Verify_RfcIssuedSdJwt_RecoversTheInputClaims()
    {
        var result = SdJwtVerifier.Verify(Rfc9901Examples.IssuedSdJwt, IssuerKeys(), ClockAt(1683000000 + 60));

        Assert.That(result.IsValid, Is.True, result.Detail);
        var expected = JsonNode.Parse(Rfc9901Examples.InputClaims)!.AsObject();
        foreach (var name in new[] { "iss", "iat", "exp", "cnf" })
        {
            expected[name] = result.Payload![name]!.DeepClone();
        }

        Assert.That(JsonNode.DeepEquals(result.Payload, expected), Is.True, result.Payload!.ToJsonString());
        Assert.That(result.DisclosedPaths, Has.Count.EqualTo(10));
        Assert.That(result.HolderKey!.Algorithm, Is.EqualTo("ES256"));
        Assert.That(result.KeyBound, Is.False);
    }

    [Test]
    public void Verify_RfcPresentation_VerifiesKeyBindingAndGivesTheRfcProcessedPayload()
    {
        var result = SdJwtVerifier.Verify(Rfc9901Examples.Presentation, IssuerKeys(), ClockAt(Rfc9901Examples.KeyBindingIat + 10), new SdJwtVerificationOptions
        {
            RequireKeyBinding = true,
            ExpectedAudience = Rfc9901Examples.KeyBindingAud,
            ExpectedNonce = Rfc9901Examples.KeyBindingNonce,
        });

        Assert.That(result.IsValid, Is.True, result.Detail);
        Assert.That(result.KeyBound, Is.True);
        var expected = JsonNode.Parse("""
            {
              "iss": "https://issuer.example.com", "iat": 1683000000, "exp": 1883000000, "sub": "user_42",
              "nationalities": ["US"],
              "cnf": {"jwk": {"kty": "EC", "crv": "P-256", "x": "TCAER19Zvu3OHF4j4W4vfSVoHIP1ILilDls7vCeGemc", "y": "ZxjiWWbZMQGHVWKVQ4hbSIirsVfuecCE6t4jT9F2HZQ"}},
              "family_name": "Doe",
              "address": {"street_address": "123 Main St", "locality": "Anytown", "region": "Anystate", "country": "US"},
              "given_name": "John"
            }
            """);
        Assert.That(JsonNode.DeepEquals(result.Payload, expected), Is.True, result.Payload!.ToJsonString());
    }

    [Test]
    public void SdHash_RfcPresentation_IsTheRfcValue()
    {
        var parts = SdJwtParts.TryParse(Rfc9901Examples.Presentation, out _)!;
        Assert.That(SdJwtDisclosure.DigestOf(parts.SdHashInput), Is.EqualTo(Rfc9901Examples.KeyBindingSdHash));
    }

    [TestCase("https://other.example.org", Rfc9901Examples.KeyBindingNonce, TestName = "Verify_RfcPresentationForeignAudience_Refused")]
    [TestCase(Rfc9901Examples.KeyBindingAud, "0987654321", TestName = "Verify_RfcPresentationForeignNonce_Refused")]
    public void Verify_RfcPresentationOtherVerifier_Refused(string audience, string nonce)
    {
        var result = SdJwtVerifier.Verify(Rfc9901Examples.Presentation, IssuerKeys(), ClockAt(Rfc9901Examples.KeyBindingIat), new SdJwtVerificationOptions
        {
            ExpectedAudience = audience,
            ExpectedNonce = nonce,
        });
        Assert.That(result.Failure, Is.EqualTo(SdJwtVerificationFailure.KeyBindingAudienceOrNonceMismatch));
    }

    [Test]
    public void Verify_RfcPresentationAfterMaxAge_IsStale()
    {
        var late = Rfc9901Examples.KeyBindingIat + (long)(CoreLimits.SdJwtKeyBindingMaxAge.TotalSeconds + 61);
        var result = SdJwtVerifier.Verify(Rfc9901Examples.Presentation, IssuerKeys(), ClockAt(late));
        Assert.That(result.Failure, Is.EqualTo(SdJwtVerificationFailure.KeyBindingStale));
    }

    [Test]
    public void Verify_RfcPresentationWithADisclosureDropped_SdHashMismatch()
    {
        var parts = SdJwtParts.TryParse(Rfc9901Examples.Presentation, out _)!;
        var tampered = parts.IssuerJwt + "~" + string.Concat(parts.Disclosures.Skip(1).Select(d => d + "~")) + parts.KeyBindingJwt;
        var result = SdJwtVerifier.Verify(tampered, IssuerKeys(), ClockAt(Rfc9901Examples.KeyBindingIat));
        Assert.That(result.Failure, Is.EqualTo(SdJwtVerificationFailure.KeyBindingHashMismatch));
    }

    [Test]
    public void Verify_RfcSdJwtWithAnotherIssuerKey_SignatureInvalid()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keys = new JwtKeyResolver([JwtPublicKey.FromECDsa(other, "https://issuer.example.com")]);
        var result = SdJwtVerifier.Verify(Rfc9901Examples.IssuedSdJwt, keys, ClockAt(1683000000));
        Assert.That(result.Failure, Is.EqualTo(SdJwtVerificationFailure.SignatureInvalid));
    }

    [Test]
    public void Verify_RfcSdJwtAfterExp_Expired()
    {
        var result = SdJwtVerifier.Verify(Rfc9901Examples.IssuedSdJwt, IssuerKeys(), ClockAt(1883000000 + 120));
        Assert.That(result.Failure, Is.EqualTo(SdJwtVerificationFailure.Expired));
    }

    internal static JwtKeyResolver IssuerKeys()
    {
        var jwk = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Rfc9901Examples.IssuerX, ["y"] = Rfc9901Examples.IssuerY };
        Assert.That(JwtPublicKey.TryFromJwk(jwk, "https://issuer.example.com", out var key, out var error), Is.True, error);
        return new JwtKeyResolver([key!]);
    }

    internal static FakeTimeProvider ClockAt(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
}
