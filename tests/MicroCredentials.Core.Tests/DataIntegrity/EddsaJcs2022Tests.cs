using MicroCredentials.DataIntegrity;

namespace MicroCredentials.Core.Tests.DataIntegrity;

/// <summary>The W3C eddsa-jcs-2022 vector from its JSON documents.</summary>
public sealed class EddsaJcs2022Tests
{
    [Test]
    public void CreateProof_W3cVector_ReproducesProofValueAndProof()
    {
        using var key = TestVectors.W3cKey();
        var expected = TestVectors.W3cJson("eddsa-jcs-2022", "signedJCS.json")["proof"]!;

        var proof = EddsaJcs2022.CreateProof(
            TestVectors.W3cUnsigned(), key, (string)expected["verificationMethod"]!, new DateTimeOffset(2023, 2, 24, 23, 36, 38, TimeSpan.Zero));

        Assert.That(proof.ProofValue, Is.EqualTo(TestVectors.W3c("eddsa-jcs-2022", "sigBTC58JCS.txt").Trim()));
        Assert.That(System.Text.Json.Nodes.JsonNode.DeepEquals(proof.ToJsonObject(), expected), Is.True);
    }

    [Test]
    public void Verify_W3cSignedCredential_IsValid()
    {
        var result = DataIntegrityVerifier.Verify(TestVectors.W3cJson("eddsa-jcs-2022", "signedJCS.json"), _ => TestVectors.W3cPublicKey());

        Assert.That(result.Failure, Is.Null, result.Detail);
    }

    [Test]
    public void Verify_DocumentContextNotStartingWithProofContext_ReturnsSignatureInvalid()
    {
        var signed = TestVectors.W3cJson("eddsa-jcs-2022", "signedJCS.json");
        signed["@context"]!.AsArray().RemoveAt(1);

        var result = DataIntegrityVerifier.Verify(signed, _ => TestVectors.W3cPublicKey());

        Assert.That(result.Failure, Is.EqualTo(DataIntegrityFailure.SignatureInvalid));
    }

    [Test]
    public void Verify_ChangedName_ReturnsSignatureInvalid()
    {
        var signed = TestVectors.W3cJson("eddsa-jcs-2022", "signedJCS.json");
        signed["name"] = "Alumni Credential!";

        Assert.That(DataIntegrityVerifier.Verify(signed, _ => TestVectors.W3cPublicKey()).Failure, Is.EqualTo(DataIntegrityFailure.SignatureInvalid));
    }
}
