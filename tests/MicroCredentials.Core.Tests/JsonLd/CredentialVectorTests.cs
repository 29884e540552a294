using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;

namespace MicroCredentials.Core.Tests.JsonLd;

/// <summary>toRdf on the published credential test vectors (OB 3.0 eddsa-rdfc-2022, W3C vc-di-eddsa).</summary>
public sealed class CredentialVectorTests
{
    private static readonly JsonLdOptions Embedded = new() { SafeMode = true };
    private static readonly JsonLdOptions WithExamples = new() { SafeMode = true, DocumentLoader = SuiteDocumentLoader.Instance };

    private static string Ob3Folder => Path.Combine(TestPaths.Standards, "ob3", "test-vectors");

    private static string EddsaFolder => Path.Combine(TestPaths.Standards, "w3c", "eddsa");

    private static JsonObject Ob3Vector() => JsonNode.Parse(File.ReadAllText(Path.Combine(Ob3Folder, "ob3-eddsa-rdfc-2022-vector.json")))!.AsObject();

    [Test]
    public void ToRdf_Ob3UnsignedCredential_IsIsomorphicToDocumentCanon()
    {
        var credential = Ob3Vector()["unsignedCredential"];

        var quads = JsonLdProcessor.ToRdf(credential, Embedded);

        var expected = TestNQuads.Parse(File.ReadAllText(Path.Combine(Ob3Folder, "document-canon.nq")));
        Assert.That(RdfIsomorphism.AreIsomorphic(quads, expected), Is.True, () => string.Concat(quads));
    }

    [Test]
    public void ToRdf_Ob3ProofConfiguration_IsIsomorphicToProofCanon()
    {
        var vector = Ob3Vector();
        var proofConfig = vector["proofOptions"]!.DeepClone().AsObject();
        proofConfig["@context"] = vector["unsignedCredential"]!["@context"]!.DeepClone();

        var quads = JsonLdProcessor.ToRdf(proofConfig, Embedded);

        var expected = TestNQuads.Parse(File.ReadAllText(Path.Combine(Ob3Folder, "proof-canon.nq")));
        Assert.That(RdfIsomorphism.AreIsomorphic(quads, expected), Is.True, () => string.Concat(quads));
    }

    [Test]
    public void ToRdf_W3cEddsaUnsigned_IsIsomorphicToCanonDocument()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(EddsaFolder, "unsigned.json")));

        var quads = JsonLdProcessor.ToRdf(document, WithExamples);

        var expected = TestNQuads.Parse(File.ReadAllText(Path.Combine(EddsaFolder, "eddsa-rdfc-2022", "canonDocDataInt.txt")));
        Assert.That(RdfIsomorphism.AreIsomorphic(quads, expected), Is.True, () => string.Concat(quads));
    }

    [Test]
    public void ToRdf_W3cEddsaProofConfiguration_IsIsomorphicToProofCanon()
    {
        var proofConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(EddsaFolder, "eddsa-rdfc-2022", "proofConfigDataInt.json")));

        var quads = JsonLdProcessor.ToRdf(proofConfig, WithExamples);

        var expected = TestNQuads.Parse(File.ReadAllText(Path.Combine(EddsaFolder, "eddsa-rdfc-2022", "proofCanonDataInt.txt")));
        Assert.That(RdfIsomorphism.AreIsomorphic(quads, expected), Is.True, () => string.Concat(quads));
    }

    [Test]
    public void ToRdf_Ob3Credential_LabelsBlankNodesInDocumentOrder()
    {
        var credential = Ob3Vector()["unsignedCredential"];

        var blanks = JsonLdProcessor.ToRdf(credential, Embedded)
            .SelectMany(q => new[] { q.Subject, q.Object })
            .Where(t => t.IsBlank)
            .Select(t => t.Value)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.That(blanks, Is.EqualTo(new[] { "b0" }));
    }

    [Test]
    public void ToRdf_ConcurrentCalls_ProduceTheSameQuads()
    {
        var credential = Ob3Vector()["unsignedCredential"]!.ToJsonString();
        var reference = string.Concat(JsonLdProcessor.ToRdf(JsonNode.Parse(credential), Embedded));

        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = string.Concat(JsonLdProcessor.ToRdf(JsonNode.Parse(credential), Embedded)));

        Assert.That(results, Is.All.EqualTo(reference));
    }
}
