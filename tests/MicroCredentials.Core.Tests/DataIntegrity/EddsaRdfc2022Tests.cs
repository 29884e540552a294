using System.Text.Json.Nodes;
using MicroCredentials.DataIntegrity;
using MicroCredentials.JsonLd;

namespace MicroCredentials.Core.Tests.DataIntegrity;

/// <summary>The full path from the JSON documents of the W3C and OB 3.0 eddsa-rdfc-2022 vectors.</summary>
public sealed class EddsaRdfc2022Tests
{
    private static readonly DateTimeOffset W3cCreated = new(2023, 2, 24, 23, 36, 38, TimeSpan.Zero);

    [Test]
    public void Canonicalize_W3cUnsignedCredential_MatchesCanonDocDataInt() =>
        Assert.That(
            EddsaRdfc2022.Canonicalize(TestVectors.W3cUnsigned(), TestDocumentLoader.Instance),
            Is.EqualTo(TestVectors.W3c("eddsa-rdfc-2022", "canonDocDataInt.txt")));

    [Test]
    public void Canonicalize_W3cProofConfig_MatchesProofCanonDataInt() =>
        Assert.That(
            EddsaRdfc2022.Canonicalize(TestVectors.W3cJson("eddsa-rdfc-2022", "proofConfigDataInt.json"), TestDocumentLoader.Instance),
            Is.EqualTo(TestVectors.W3c("eddsa-rdfc-2022", "proofCanonDataInt.txt")));

    [Test]
    public void CreateProof_W3cVector_ReproducesProofValue()
    {
        using var key = TestVectors.W3cKey();
        var proofConfig = TestVectors.W3cJson("eddsa-rdfc-2022", "proofConfigDataInt.json");

        var proof = EddsaRdfc2022.CreateProof(
            TestVectors.W3cUnsigned(), key, (string)proofConfig["verificationMethod"]!, W3cCreated, TestDocumentLoader.Instance);

        Assert.That(proof.ProofValue, Is.EqualTo(TestVectors.W3c("eddsa-rdfc-2022", "sigBTC58DataInt.txt").Trim()));
        Assert.That(proof.Created, Is.EqualTo("2023-02-24T23:36:38Z"));
    }

    [Test]
    public void Canonicalize_Ob3UnsignedCredential_MatchesDocumentCanon() =>
        Assert.That(
            EddsaRdfc2022.Canonicalize(TestVectors.Ob3Vector()["unsignedCredential"]!.AsObject()),
            Is.EqualTo(TestVectors.Ob3File("document-canon.nq")));

    [Test]
    public void CreateProof_Ob3Vector_ReproducesProofValueAndSignedCredential()
    {
        var vector = TestVectors.Ob3Vector();
        var options = vector["proofOptions"]!;
        using var key = TestVectors.Ob3Key();

        var signed = DataIntegritySigner.Sign(
            vector["unsignedCredential"]!.AsObject(), key, (string)options["verificationMethod"]!,
            DateTimeOffset.Parse((string)options["created"]!, System.Globalization.CultureInfo.InvariantCulture));

        var proof = signed["proof"]!.AsArray().Single()!;
        Assert.That((string?)proof["proofValue"], Is.EqualTo((string)vector["proofValue"]!));
        var expected = vector["signedCredential"]!.DeepClone().AsObject();
        expected["proof"] = new JsonArray(expected["proof"] is JsonArray a ? a[0]!.DeepClone() : expected["proof"]!.DeepClone());
        Assert.That(JsonNode.DeepEquals(signed, expected), Is.True, signed.ToJsonString());
    }

    [Test]
    public void Verify_W3cSignedCredential_IsValid()
    {
        var result = DataIntegrityVerifier.Verify(
            TestVectors.W3cJson("eddsa-rdfc-2022", "signedDataInt.json"), _ => TestVectors.W3cPublicKey(), TestDocumentLoader.Instance);

        Assert.That(result.Failure, Is.Null, result.Detail);
    }

    [Test]
    public void Verify_Ob3SignedCredential_IsValid()
    {
        var result = DataIntegrityVerifier.Verify(TestVectors.Ob3Vector()["signedCredential"]!.AsObject(), _ => TestVectors.Ob3PublicKey());

        Assert.That(result.Failure, Is.Null, result.Detail);
        Assert.That(result.IsValid, Is.True);
    }

    [Test]
    public void Canonicalize_UnknownContext_ThrowsJsonLdException()
    {
        var document = TestVectors.W3cUnsigned();

        Assert.That(() => EddsaRdfc2022.Canonicalize(document), Throws.TypeOf<JsonLdException>());
    }
}
