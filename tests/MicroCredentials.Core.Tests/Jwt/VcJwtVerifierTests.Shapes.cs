using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Keys;
using MicroCredentials.Jwt;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Core.Tests.Jwt;

/// <summary>
/// The payload of a genuinely signed VC-JWT goes through the one parse entry point: a repeated member or a lone
/// surrogate is named as malformed (never an exception later), and the VC 2.0 subject array is a credential.
/// </summary>
public sealed class VcJwtVerifierShapeTests
{
    private static readonly DateTimeOffset Now = new(2025, 7, 1, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Verify_SignedPayloadRepeatingAMember_IsMalformedNamingIt()
    {
        var payload = JwtTestTokens.Payload(TestKeys.Credential()).ToJsonString().Insert(1, "\"jti\":\"urn:uuid:other\",");

        var result = Verify(JwtTestTokens.Es256(Header(), payload));

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.Malformed));
        Assert.That(result.Detail, Does.Contain("repeats the member `jti`"));
    }

    [Test]
    public void Verify_SignedPayloadWithALoneSurrogate_IsMalformed()
    {
        var payload = JwtTestTokens.Payload(TestKeys.Credential()).ToJsonString().Insert(1, "\"note\":\"\\ud800\",");

        var result = Verify(JwtTestTokens.Es256(Header(), payload));

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.Malformed));
        Assert.That(result.Detail, Does.Contain("not Unicode"));
    }

    [Test]
    public void Verify_HeaderWithALoneSurrogateKid_IsMalformedNotAnException()
    {
        var payload = JwtTestTokens.Payload(TestKeys.Credential()).ToJsonString();

        var result = Verify(JwtTestTokens.Es256("{\"alg\":\"ES256\",\"kid\":\"\\ud800\",\"typ\":\"JWT\"}", payload));

        Assert.That(result.IsValid, Is.False);
    }

    [Test]
    public void Verify_SubjectArrayWithoutSub_IsACredential()
    {
        var payload = JwtTestTokens.Payload(TestKeys.Credential(subjectId: null));
        payload["credentialSubject"] = new JsonArray(payload["credentialSubject"]!.DeepClone());

        var result = Verify(JwtTestTokens.Es256(JwtTestTokens.Header("ES256", TestKeys.Demo.Es256.KeyId), payload));

        Assert.That(result.IsValid, Is.True, result.Detail);
    }

    [TestCase("\"did:example:x\"", TestName = "Subject a string")]
    [TestCase("[]", TestName = "Subject an empty array")]
    [TestCase("5", TestName = "Subject a number")]
    public void Verify_SubjectNeitherObjectNorArrayOfThem_IsNotACredential(string subject)
    {
        var payload = JwtTestTokens.Payload(TestKeys.Credential(subjectId: null));
        payload["credentialSubject"] = JsonNode.Parse(subject);

        Assert.That(Verify(JwtTestTokens.Es256(JwtTestTokens.Header("ES256", TestKeys.Demo.Es256.KeyId), payload)).Failure,
            Is.EqualTo(JwtVerificationFailure.NotACredential));
    }

    private static string Header() => JwtTestTokens.Header("ES256", TestKeys.Demo.Es256.KeyId).ToJsonString();

    private static JwtVerificationResult Verify(string jwt) =>
        VcJwtVerifier.Verify(jwt, TestKeys.Demo.JwtKeyResolver, new FakeTimeProvider(Now));
}
