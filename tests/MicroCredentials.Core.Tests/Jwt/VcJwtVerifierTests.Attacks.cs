using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Keys;
using MicroCredentials.Jwt;

namespace MicroCredentials.Core.Tests.Jwt;

/// <summary>The classic JWT attacks, each crafted by hand.</summary>
public sealed partial class VcJwtVerifierTests
{
    private static JsonObject SamplePayload => JwtTestTokens.Payload(TestKeys.Credential());

    private static string Es256Kid => TestKeys.Demo.Es256.KeyId;

    [TestCase("none")]
    [TestCase("None")]
    [TestCase("NONE")]
    public void Verify_AlgNone_ReturnsUnsupportedAlgorithm(string alg)
    {
        var jwt = JwtTestTokens.B64(JwtTestTokens.Header(alg, Es256Kid).ToJsonString()) + "." + JwtTestTokens.B64(SamplePayload.ToJsonString()) + ".";

        Assert.That(Verify(jwt).Failure, Is.EqualTo(JwtVerificationFailure.UnsupportedAlgorithm));
    }

    [Test]
    public void Verify_Hs256WithPublicKeyPemAsSecret_ReturnsUnsupportedAlgorithm()
    {
        // The key-confusion attack: an HMAC keyed with the issuer's public key, which a naive verifier would accept.
        using var rsa = JwtTestTokens.DemoRs256PrivateKey();
        var secret = System.Text.Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem());

        var jwt = JwtTestTokens.Hs256(JwtTestTokens.Header("HS256", TestKeys.Demo.Rs256.KeyId), SamplePayload, secret);

        Assert.That(Verify(jwt).Failure, Is.EqualTo(JwtVerificationFailure.UnsupportedAlgorithm));
    }

    [Test]
    public void Verify_Hs256WithPublicKeyDerAsSecret_ReturnsUnsupportedAlgorithm()
    {
        using var ec = JwtTestTokens.DemoEs256PrivateKey();

        var jwt = JwtTestTokens.Hs256(JwtTestTokens.Header("HS256", Es256Kid), SamplePayload, ec.ExportSubjectPublicKeyInfo());

        Assert.That(Verify(jwt).Failure, Is.EqualTo(JwtVerificationFailure.UnsupportedAlgorithm));
    }

    [TestCase("ES384")]
    [TestCase("PS256")]
    [TestCase("EdDSA")]
    [TestCase("RS512")]
    public void Verify_OtherAlgorithm_ReturnsUnsupportedAlgorithm(string alg)
    {
        var jwt = JwtTestTokens.Es256(JwtTestTokens.Header(alg, Es256Kid), SamplePayload);

        Assert.That(Verify(jwt).Failure, Is.EqualTo(JwtVerificationFailure.UnsupportedAlgorithm));
    }

    [TestCase("cty", "vc")]
    [TestCase("crit", "exp")]
    [TestCase("jku", "https://evil.example/jwks.json")]
    [TestCase("x5u", "https://evil.example/cert.pem")]
    [TestCase("iss", "did:web:credentials.nova-academy.be")]
    public void Verify_ExtraHeaderMember_ReturnsForbiddenHeader(string name, string value)
    {
        var header = JwtTestTokens.Header("ES256", Es256Kid);
        header[name] = value;

        Assert.That(Verify(JwtTestTokens.Es256(header, SamplePayload)).Failure, Is.EqualTo(JwtVerificationFailure.ForbiddenHeader));
    }

    [TestCase("vc+jwt")]
    [TestCase("jwt")]
    [TestCase("")]
    public void Verify_TypOtherThanJwt_ReturnsForbiddenHeader(string typ)
    {
        var header = JwtTestTokens.Header("ES256", Es256Kid);
        header["typ"] = typ;

        Assert.That(Verify(JwtTestTokens.Es256(header, SamplePayload)).Failure, Is.EqualTo(JwtVerificationFailure.ForbiddenHeader));
    }

    [Test]
    public void Verify_NoTyp_IsValid()
    {
        var header = new JsonObject { ["alg"] = "ES256", ["kid"] = Es256Kid };

        Assert.That(Verify(JwtTestTokens.Es256(header, SamplePayload)).IsValid, Is.True);
    }

    [Test]
    public void Verify_JwkWithPrivatePart_ReturnsPrivateKeyInHeader()
    {
        using var ec = JwtTestTokens.DemoEs256PrivateKey();
        var jwk = TestKeys.Demo.Es256.PublicKey.ToJwk();
        jwk["d"] = JwtTestTokens.B64(ec.ExportParameters(true).D!);
        var header = JwtTestTokens.Header("ES256", null);
        header["jwk"] = jwk;

        Assert.That(Verify(JwtTestTokens.Es256(header, SamplePayload)).Failure, Is.EqualTo(JwtVerificationFailure.PrivateKeyInHeader));
    }

    [Test]
    public void Verify_JwkSymmetricKey_ReturnsPrivateKeyInHeader()
    {
        var header = JwtTestTokens.Header("ES256", Es256Kid);
        header["jwk"] = new JsonObject { ["kty"] = "oct", ["k"] = "c2VjcmV0" };

        Assert.That(Verify(JwtTestTokens.Es256(header, SamplePayload)).Failure, Is.EqualTo(JwtVerificationFailure.PrivateKeyInHeader));
    }

    [Test]
    public void Verify_JwkOfIssuerKeyWithoutKid_IsValid()
    {
        var header = JwtTestTokens.Header("ES256", null);
        header["jwk"] = TestKeys.Demo.Es256.PublicKey.ToJwk();

        var result = Verify(JwtTestTokens.Es256(header, SamplePayload));

        Assert.That(result.IsValid, Is.True, result.Detail);
        Assert.That(result.KeyId, Is.EqualTo(Es256Kid));
    }

    [Test]
    public void Verify_UnknownKid_ReturnsUnknownKey()
    {
        var jwt = JwtTestTokens.Es256(JwtTestTokens.Header("ES256", TestKeys.IssuerId + "#not-a-key"), SamplePayload);

        Assert.That(Verify(jwt).Failure, Is.EqualTo(JwtVerificationFailure.UnknownKey));
    }

    [Test]
    public void Verify_KidOfSameKeyUnderAnotherController_ReturnsUnknownKey()
    {
        var kid = "did:web:evil.example#" + TestKeys.Demo.Es256.PublicKey.Thumbprint;

        Assert.That(Verify(JwtTestTokens.Es256(JwtTestTokens.Header("ES256", kid), SamplePayload)).Failure, Is.EqualTo(JwtVerificationFailure.UnknownKey));
    }

    [Test]
    public void Verify_NoKidNoJwk_ReturnsUnknownKey()
    {
        Assert.That(Verify(JwtTestTokens.Es256(JwtTestTokens.Header("ES256", null), SamplePayload)).Failure, Is.EqualTo(JwtVerificationFailure.UnknownKey));
    }

    [Test]
    public void Verify_JwkOfKeyOutsideSet_ReturnsUnknownKey()
    {
        // The attacker signs with their own key and ships its public half in the header.
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var header = JwtTestTokens.Header("ES256", null);
        header["jwk"] = JwtPublicKey.FromECDsa(attacker, TestKeys.IssuerId).ToJwk();

        Assert.That(Verify(JwtTestTokens.Es256(header, SamplePayload, attacker)).Failure, Is.EqualTo(JwtVerificationFailure.UnknownKey));
    }

    [Test]
    public void Verify_IssuerKidWithAttackerJwk_ReturnsUnknownKey()
    {
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var header = JwtTestTokens.Header("ES256", Es256Kid);
        header["jwk"] = JwtPublicKey.FromECDsa(attacker, TestKeys.IssuerId).ToJwk();

        Assert.That(Verify(JwtTestTokens.Es256(header, SamplePayload, attacker)).Failure, Is.EqualTo(JwtVerificationFailure.UnknownKey));
    }

    [Test]
    public void Verify_IssuerKidSignedByAttackerKey_ReturnsSignatureInvalid()
    {
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.That(Verify(JwtTestTokens.Es256(JwtTestTokens.Header("ES256", Es256Kid), SamplePayload, attacker)).Failure,
            Is.EqualTo(JwtVerificationFailure.SignatureInvalid));
    }

    [Test]
    public void Verify_Rs256HeaderNamingEcKey_ReturnsSignatureInvalid()
    {
        var jwt = JwtTestTokens.Rs256(JwtTestTokens.Header("RS256", Es256Kid), SamplePayload);

        Assert.That(Verify(jwt).Failure, Is.EqualTo(JwtVerificationFailure.SignatureInvalid));
    }

    [TestCase("ES256")]
    [TestCase("RS256")]
    public void Verify_TamperedPayloadByte_ReturnsSignatureInvalid(string alg)
    {
        var parts = VcJwtSigner.Sign(TestKeys.Credential(), TestKeys.Demo.GetJwtSigningKey(alg)).Split('.');
        var payload = parts[1].ToCharArray();
        var i = payload.Length / 2;
        payload[i] = payload[i] == 'A' ? 'B' : 'A';

        var result = Verify(parts[0] + "." + new string(payload) + "." + parts[2]);

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.SignatureInvalid));
    }

    [Test]
    public void Verify_TamperedCredentialReencoded_ReturnsSignatureInvalid()
    {
        var parts = VcJwtSigner.Sign(TestKeys.Credential(), TestKeys.Demo.Es256).Split('.');
        var payload = JsonNode.Parse(JwtTestTokens.Decode(parts[1]))!;
        payload["credentialSubject"]!["creditsEarned"] = 60;

        var result = Verify(parts[0] + "." + JwtTestTokens.B64(payload.ToJsonString()) + "." + parts[2]);

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.SignatureInvalid));
    }

    [TestCase("ES256")]
    [TestCase("RS256")]
    public void Verify_SignatureSwappedFromAnotherToken_ReturnsSignatureInvalid(string alg)
    {
        var key = TestKeys.Demo.GetJwtSigningKey(alg);
        var genuine = VcJwtSigner.Sign(TestKeys.Credential(), key).Split('.');
        var other = VcJwtSigner.Sign(TestKeys.Credential(subjectId: "did:example:other"), key).Split('.');

        var result = Verify(genuine[0] + "." + genuine[1] + "." + other[2]);

        Assert.That(result.Failure, Is.EqualTo(JwtVerificationFailure.SignatureInvalid));
    }

    [Test]
    public void Verify_DerEncodedEs256Signature_ReturnsSignatureInvalid()
    {
        var parts = VcJwtSigner.Sign(TestKeys.Credential(), TestKeys.Demo.Es256).Split('.');
        using var ec = JwtTestTokens.DemoEs256PrivateKey();
        var der = ec.SignData(System.Text.Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        Assert.That(Verify(parts[0] + "." + parts[1] + "." + JwtTestTokens.B64(der)).Failure, Is.EqualTo(JwtVerificationFailure.SignatureInvalid));
    }

    [Test]
    public void Verify_DuplicateAlgInHeader_ReturnsMalformed()
    {
        var header = "{\"alg\":\"ES256\",\"kid\":\"" + Es256Kid + "\",\"alg\":\"none\"}";

        Assert.That(Verify(JwtTestTokens.Es256(header, SamplePayload.ToJsonString())).Failure, Is.EqualTo(JwtVerificationFailure.Malformed));
    }
}
