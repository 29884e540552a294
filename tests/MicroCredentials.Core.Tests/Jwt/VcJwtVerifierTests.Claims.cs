using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Keys;
using MicroCredentials.Jwt;

namespace MicroCredentials.Core.Tests.Jwt;

/// <summary>Correctly signed tokens whose claims do not mirror the credential, or whose payload is no credential.</summary>
public sealed partial class VcJwtVerifierTests
{
    private static IEnumerable<TestCaseData> Mismatches()
    {
        yield return Case("iss is another issuer", p => p["iss"] = "did:web:evil.example");
        yield return Case("iss missing", p => p.Remove("iss"));
        yield return Case("jti is another id", p => p["jti"] = "urn:uuid:00000000-0000-0000-0000-000000000000");
        yield return Case("jti missing", p => p.Remove("jti"));
        yield return Case("nbf an hour early", p => p["nbf"] = 1751270400);
        yield return Case("nbf as a string", p => p["nbf"] = "1751274000");
        yield return Case("nbf missing", p => p.Remove("nbf"));
        yield return Case("sub another subject", p => p["sub"] = "did:example:someone-else");
        yield return Case("sub missing", p => p.Remove("sub"));
        yield return Case("exp without validUntil", p => p["exp"] = 1893456000);
        yield return Case("issuer and iss of another controller", p =>
        {
            p["iss"] = "did:web:evil.example";
            p["issuer"]!["id"] = "did:web:evil.example";
        });

        static TestCaseData Case(string name, Action<JsonObject> tamper) =>
            new TestCaseData(tamper) { TestName = "Verify_ClaimsMismatch_" + name.Replace(' ', '_') };
    }

    [TestCaseSource(nameof(Mismatches))]
    public void Verify_ClaimDisagreesWithCredential_ReturnsClaimsMismatch(Action<JsonObject> tamper)
    {
        var payload = JwtTestTokens.Payload(TestKeys.Credential());
        tamper(payload);

        var result = Verify(JwtTestTokens.Es256(JwtTestTokens.Header("ES256", TestKeys.Demo.Es256.KeyId), payload));

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.ClaimsMismatch), result.Detail);
    }

    [Test]
    public void Verify_ExpDisagreesWithValidUntil_ReturnsClaimsMismatch()
    {
        var payload = JwtTestTokens.Payload(TestKeys.Credential(validUntil: "2030-01-01T00:00:00Z"));
        payload["exp"] = 1993456000;

        var result = Verify(JwtTestTokens.Es256(JwtTestTokens.Header("ES256", TestKeys.Demo.Es256.KeyId), payload));

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.ClaimsMismatch));
    }

    [TestCase("[1,2,3]", TestName = "Verify_PayloadJsonArray_ReturnsNotACredential")]
    [TestCase("\"text\"", TestName = "Verify_PayloadJsonString_ReturnsNotACredential")]
    [TestCase("{\"iss\":\"did:web:credentials.nova-academy.be\"}", TestName = "Verify_PayloadPlainClaims_ReturnsNotACredential")]
    [TestCase("{\"vc\":{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"]},\"iss\":\"x\"}", TestName = "Verify_PayloadLegacyVcClaim_ReturnsNotACredential")]
    public void Verify_PayloadNotACredential_ReturnsNotACredential(string payload)
    {
        var result = Verify(JwtTestTokens.Es256(JwtTestTokens.Header("ES256", TestKeys.Demo.Es256.KeyId).ToJsonString(), payload));

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.NotACredential), result.Detail);
    }

    [Test]
    public void Verify_ValidFromWithoutTimeZone_ReturnsNotACredential()
    {
        var payload = JwtTestTokens.Payload(TestKeys.Credential());
        payload["validFrom"] = "2025-06-30T09:00:00";

        var result = Verify(JwtTestTokens.Es256(JwtTestTokens.Header("ES256", TestKeys.Demo.Es256.KeyId), payload));

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.NotACredential));
    }

    [Test]
    public void Verify_PayloadNotJson_ReturnsMalformed()
    {
        var result = Verify(JwtTestTokens.Es256(JwtTestTokens.Header("ES256", TestKeys.Demo.Es256.KeyId).ToJsonString(), "{not json"));

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.Malformed));
    }

    [Test]
    public void Verify_PayloadDuplicateMember_ReturnsMalformed()
    {
        var payload = JwtTestTokens.Payload(TestKeys.Credential()).ToJsonString();
        var duplicated = payload[..^1] + ",\"iss\":\"did:web:evil.example\"}";

        var result = Verify(JwtTestTokens.Es256(JwtTestTokens.Header("ES256", TestKeys.Demo.Es256.KeyId).ToJsonString(), duplicated));

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.Malformed));
    }
}
