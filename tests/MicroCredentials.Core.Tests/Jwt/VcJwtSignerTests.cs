using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Keys;
using MicroCredentials.Jwt;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroCredentials.Core.Tests.Jwt;

public sealed class VcJwtSignerTests
{
    [TestCase("ES256")]
    [TestCase("RS256")]
    public void Sign_Header_IsExactlyAlgKidTyp(string alg)
    {
        var key = TestKeys.Demo.GetJwtSigningKey(alg);

        var header = JsonNode.Parse(JwtTestTokens.Decode(VcJwtSigner.Sign(TestKeys.Credential(), key).Split('.')[0]))!.AsObject();

        Assert.That(header.Select(m => m.Key), Is.EqualTo(new[] { "alg", "kid", "typ" }));
        Assert.That((string)header["alg"]!, Is.EqualTo(alg));
        Assert.That((string)header["kid"]!, Is.EqualTo(key.KeyId));
        Assert.That((string)header["typ"]!, Is.EqualTo("JWT"));
    }

    [Test]
    public void Sign_Payload_IsCredentialPlusIssJtiNbfSub()
    {
        var credential = TestKeys.Credential();

        var payload = JwtTestTokens.Payload(credential);

        var expected = (JsonObject)credential.DeepClone();
        expected["iss"] = TestKeys.IssuerId;
        expected["jti"] = "urn:uuid:2f6a8f3e-6c1e-4b0f-9c43-5d1b0c7f1a11";
        expected["nbf"] = 1751274000; // 2025-06-30T09:00:00Z
        expected["sub"] = "did:example:learner";
        Assert.That(JsonNode.DeepEquals(payload, expected), Is.True, payload.ToJsonString());
    }

    [Test]
    public void Sign_Payload_HasNoIatExpOrVcClaim()
    {
        var payload = JwtTestTokens.Payload(TestKeys.Credential());

        Assert.That(payload.ContainsKey("iat") || payload.ContainsKey("exp") || payload.ContainsKey("vc"), Is.False);
    }

    [Test]
    public void Sign_SubjectWithoutId_OmitsSub()
    {
        var payload = JwtTestTokens.Payload(TestKeys.Credential(subjectId: null));

        Assert.That(payload.ContainsKey("sub"), Is.False);
    }

    [Test]
    public void Sign_ValidUntil_SetsExp()
    {
        var payload = JwtTestTokens.Payload(TestKeys.Credential(validUntil: "2030-01-01T00:00:00Z"));

        Assert.That((long)payload["exp"]!, Is.EqualTo(1893456000));
    }

    [Test]
    public void Sign_FractionalValidFrom_NbfIsWholeSeconds()
    {
        var credential = TestKeys.Credential();
        credential["validFrom"] = "2025-06-30T11:00:00.750+02:00";

        Assert.That((long)JwtTestTokens.Payload(credential)["nbf"]!, Is.EqualTo(1751274000));
    }

    [Test]
    public void Sign_Credential_IsNotModified()
    {
        var credential = TestKeys.Credential();
        var before = credential.ToJsonString();

        VcJwtSigner.Sign(credential, TestKeys.Demo.Rs256);

        Assert.That(credential.ToJsonString(), Is.EqualTo(before));
    }

    [TestCase("validFrom", TestName = "Sign_NoValidFrom_Throws")]
    [TestCase("id", TestName = "Sign_NoId_Throws")]
    [TestCase("issuer", TestName = "Sign_NoIssuer_Throws")]
    public void Sign_MissingMember_Throws(string member)
    {
        var credential = TestKeys.Credential();
        credential.Remove(member);

        Assert.That(() => VcJwtSigner.Sign(credential, TestKeys.Demo.Es256), Throws.ArgumentException);
    }

    [Test]
    public void Sign_KeyOfAnotherIssuer_Throws()
    {
        var credential = TestKeys.Credential(issuerId: "did:web:other.example");

        Assert.That(() => VcJwtSigner.Sign(credential, TestKeys.Demo.Es256), Throws.ArgumentException.With.Message.Contains("belongs to"));
    }

    [TestCase("ES256")]
    [TestCase("RS256")]
    public async Task Sign_Token_ValidatesWithMicrosoftHandlerAndPublishedJwk(string alg)
    {
        var jwt = VcJwtSigner.Sign(TestKeys.Credential(), TestKeys.Demo.GetJwtSigningKey(alg));
        var jwks = new JsonWebKeySet(MicroCredentials.Keys.JwksBuilder.Build(TestKeys.Demo).ToJsonString());

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidIssuer = TestKeys.IssuerId,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidAlgorithms = [alg],
        });

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
        Assert.That(((JsonWebToken)result.SecurityToken).Kid, Is.EqualTo(TestKeys.Demo.GetJwtSigningKey(alg).KeyId));
    }
}
