using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;
using MicroCredentials.SdJwt;

namespace MicroCredentials.Core.Tests.SdJwt;

/// <summary>Hostile SD-JWTs: every one gets a verdict, never an exception; each bound is tested one past it.</summary>
public sealed class SdJwtVerifierAttackTests
{
    private const long Now = 1_780_000_000;

    [Test]
    public void Verify_DisclosureSentTwice_DisclosureInvalid()
    {
        var parts = SdJwtParts.TryParse(Rfc9901Examples.IssuedSdJwt, out _)!;
        var doubled = Rfc9901Examples.IssuedSdJwt + parts.Disclosures[0] + "~";
        Assert.That(Verify(doubled).Failure, Is.EqualTo(SdJwtVerificationFailure.DisclosureInvalid));
    }

    [Test]
    public void Verify_UnreferencedDisclosure_DisclosureInvalid()
    {
        var foreign = SdJwtDisclosure.Create("c2FsdHNhbHRzYWx0c2FsdA", "given_name", "Mallory").Encoded;
        Assert.That(Verify(Rfc9901Examples.IssuedSdJwt + foreign + "~").Failure, Is.EqualTo(SdJwtVerificationFailure.DisclosureInvalid));
    }

    [TestCase("not base64!", TestName = "Verify_DisclosureNotBase64_DisclosureInvalid")]
    [TestCase("WyJzYWx0Il0", TestName = "Verify_DisclosureOneElement_DisclosureInvalid")]
    [TestCase("eyJhIjogMX0", TestName = "Verify_DisclosureAnObject_DisclosureInvalid")]
    public void Verify_BadDisclosure_DisclosureInvalid(string disclosure) =>
        Assert.That(Verify(Rfc9901Examples.IssuedSdJwt + disclosure + "~").Failure, Is.EqualTo(SdJwtVerificationFailure.DisclosureInvalid));

    [Test]
    public void Verify_DisclosureNamedSd_DisclosureInvalid()
    {
        var encoded = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("[\"salt\", \"_sd\", 1]"));
        Assert.That(Verify(Rfc9901Examples.IssuedSdJwt + encoded + "~").Failure, Is.EqualTo(SdJwtVerificationFailure.DisclosureInvalid));
    }

    [Test]
    public void Verify_AlgNone_UnsupportedAlgorithm()
    {
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"iss\":\"x\"}"));
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"alg\":\"none\"}"));
        Assert.That(Verify(header + "." + payload + ".AA~").Failure, Is.EqualTo(SdJwtVerificationFailure.UnsupportedAlgorithm));
    }

    [TestCase("", TestName = "Verify_Empty_Malformed")]
    [TestCase("abc", TestName = "Verify_NoSeparator_Malformed")]
    [TestCase("a.b.c~~", TestName = "Verify_EmptyDisclosure_Malformed")]
    [TestCase("~", TestName = "Verify_NoJwt_Malformed")]
    [TestCase("eyJ9.e30.AA~", TestName = "Verify_HeaderNotJson_Malformed")]
    public void Verify_NotAnSdJwt_Malformed(string text) =>
        Assert.That(Verify(text).Failure, Is.EqualTo(SdJwtVerificationFailure.Malformed));

    [Test]
    public void Verify_DuplicateHeaderMember_Malformed()
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"alg\":\"ES256\",\"alg\":\"none\"}"));
        Assert.That(Verify(header + ".e30.AA~").Failure, Is.EqualTo(SdJwtVerificationFailure.Malformed));
    }

    [Test]
    public void Verify_OnePastLength_Malformed()
    {
        var atLimit = new string('A', CoreLimits.MaxSdJwtLength - 1) + "~";
        var pastLimit = new string('A', CoreLimits.MaxSdJwtLength) + "~";
        Assert.That(Verify(atLimit).Detail, Does.Not.Contain("longer"));
        Assert.That(Verify(pastLimit).Detail, Does.Contain("longer than " + CoreLimits.MaxSdJwtLength));
    }

    [Test]
    public void Verify_OnePastDisclosureCount_Malformed()
    {
        var jwt = SdJwtParts.TryParse(Rfc9901Examples.IssuedSdJwt, out _)!.IssuerJwt;
        var atLimit = jwt + "~" + string.Concat(Enumerable.Repeat("WyJhIiwgMV0~", CoreLimits.MaxSdJwtDisclosures));
        var pastLimit = atLimit + "WyJhIiwgMV0~";
        Assert.That(Verify(atLimit).Detail, Does.Not.Contain("more than"));
        Assert.That(Verify(pastLimit).Detail, Does.Contain("more than " + CoreLimits.MaxSdJwtDisclosures));
    }

    [Test]
    public void Parse_OnePastDisclosureLength_Refused()
    {
        var atLimit = new string('A', CoreLimits.MaxSdJwtDisclosureLength);
        var pastLimit = atLimit + "A";
        SdJwtDisclosure.TryParse(atLimit, out var atError);
        SdJwtDisclosure.TryParse(pastLimit, out var pastError);
        Assert.That(atError, Does.Not.Contain("longer"));
        Assert.That(pastError, Does.Contain("longer than " + CoreLimits.MaxSdJwtDisclosureLength));
    }

    [Test]
    public void Verify_RecursiveDisclosuresOnePastNesting_TooDeep()
    {
        using var issuerKey = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), "did:web:issuer.example");
        Assert.That(VerifyNested(issuerKey, CoreLimits.MaxSdJwtNestingDepth).IsValid, Is.True);
        Assert.That(VerifyNested(issuerKey, CoreLimits.MaxSdJwtNestingDepth + 1).Failure, Is.EqualTo(SdJwtVerificationFailure.TooDeep));
    }

    [Test]
    public void Verify_DigestTwiceInPayload_DigestInvalid()
    {
        using var issuerKey = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), "did:web:issuer.example");
        var disclosure = SdJwtDisclosure.Create("c2FsdA", "a", 1);
        var payload = new JsonObject
        {
            ["_sd"] = new JsonArray(disclosure.Digest),
            ["b"] = new JsonObject { ["_sd"] = new JsonArray(disclosure.Digest) },
        };
        var sdJwt = SdJwtIssuer.Issue(new SdJwtPayload(payload, [disclosure]), issuerKey, "dc+sd-jwt");
        var result = SdJwtVerifier.Verify(sdJwt, SdJwtRoundTripTests.Keys(issuerKey), SdJwtRfc9901Tests.ClockAt(Now));
        Assert.That(result.Failure, Is.EqualTo(SdJwtVerificationFailure.DigestInvalid));
    }

    [Test]
    public void Verify_DisclosedClaimClashesWithPlainClaim_DisclosureInvalid()
    {
        using var issuerKey = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), "did:web:issuer.example");
        var disclosure = SdJwtDisclosure.Create("c2FsdA", "a", 1);
        var payload = new JsonObject { ["_sd"] = new JsonArray(disclosure.Digest), ["a"] = 2 };
        var sdJwt = SdJwtIssuer.Issue(new SdJwtPayload(payload, [disclosure]), issuerKey, "dc+sd-jwt");
        var result = SdJwtVerifier.Verify(sdJwt, SdJwtRoundTripTests.Keys(issuerKey), SdJwtRfc9901Tests.ClockAt(Now));
        Assert.That(result.Failure, Is.EqualTo(SdJwtVerificationFailure.DisclosureInvalid));
    }

    [Test]
    public void Verify_ArrayDisclosureInSd_DisclosureInvalid()
    {
        using var issuerKey = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), "did:web:issuer.example");
        var disclosure = SdJwtDisclosure.Create("c2FsdA", null, 1);
        var payload = new JsonObject { ["_sd"] = new JsonArray(disclosure.Digest) };
        var sdJwt = SdJwtIssuer.Issue(new SdJwtPayload(payload, [disclosure]), issuerKey, "dc+sd-jwt");
        var result = SdJwtVerifier.Verify(sdJwt, SdJwtRoundTripTests.Keys(issuerKey), SdJwtRfc9901Tests.ClockAt(Now));
        Assert.That(result.Failure, Is.EqualTo(SdJwtVerificationFailure.DisclosureInvalid));
    }

    [Test]
    public void Verify_OtherHashAlgorithm_UnsupportedHashAlgorithm()
    {
        using var issuerKey = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), "did:web:issuer.example");
        var payload = new JsonObject { ["_sd_alg"] = "md5" };
        var sdJwt = SdJwtIssuer.Issue(new SdJwtPayload(payload, []), issuerKey, "dc+sd-jwt");
        var result = SdJwtVerifier.Verify(sdJwt, SdJwtRoundTripTests.Keys(issuerKey), SdJwtRfc9901Tests.ClockAt(Now));
        Assert.That(result.Failure, Is.EqualTo(SdJwtVerificationFailure.UnsupportedHashAlgorithm));
    }

    [Test]
    public void Build_TooManyDecoys_Throws()
    {
        var builder = new SdJwtPayloadBuilder { DecoysPerObject = CoreLimits.MaxSdJwtDecoysPerObject + 1 };
        Assert.That(() => builder.Build(new JsonObject { ["a"] = 1 }, ["/a"]), Throws.ArgumentException);
        var atLimit = new SdJwtPayloadBuilder { DecoysPerObject = CoreLimits.MaxSdJwtDecoysPerObject }.Build(new JsonObject { ["a"] = 1 }, ["/a"]);
        Assert.That(atLimit.Payload["_sd"]!.AsArray(), Has.Count.EqualTo(CoreLimits.MaxSdJwtDecoysPerObject + 1));
    }

    [Test]
    public void Build_PointerToNothing_Throws() =>
        Assert.That(() => new SdJwtPayloadBuilder().Build(new JsonObject { ["a"] = 1 }, ["/b"]), Throws.ArgumentException);

    [Test]
    public void Verify_RandomBytes_NeverThrows()
    {
        var random = new Random(9901);
        var jwt = SdJwtParts.TryParse(Rfc9901Examples.Presentation, out _)!;
        for (var i = 0; i < 300; i++)
        {
            var chars = Rfc9901Examples.Presentation.ToCharArray();
            for (var j = 0; j < 1 + random.Next(4); j++)
            {
                chars[random.Next(chars.Length)] = "~.AZaz09-_{}\"".ToCharArray()[random.Next(13)];
            }

            Assert.That(() => Verify(new string(chars)), Throws.Nothing);
        }

        Assert.That(jwt.Disclosures, Has.Count.EqualTo(4));
    }

    private static SdJwtVerificationResult VerifyNested(JwtSigningKey issuerKey, int depth)
    {
        // depth objects, each inside the previous one's disclosed member.
        JsonObject claims = new();
        var cursor = claims;
        var paths = new List<string>();
        var path = "";
        for (var i = 0; i < depth; i++)
        {
            var inner = new JsonObject();
            cursor["n"] = inner;
            path += "/n";
            paths.Add(path);
            cursor = inner;
        }

        var payload = new SdJwtPayloadBuilder().Build(claims, paths);
        return SdJwtVerifier.Verify(SdJwtIssuer.Issue(payload, issuerKey, "dc+sd-jwt"), SdJwtRoundTripTests.Keys(issuerKey), SdJwtRfc9901Tests.ClockAt(Now));
    }

    private static SdJwtVerificationResult Verify(string text) =>
        SdJwtVerifier.Verify(text, SdJwtRfc9901Tests.IssuerKeys(), SdJwtRfc9901Tests.ClockAt(1683000000));
}
