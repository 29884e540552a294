using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Model;
using MicroCredentials.Verification;
using MicroCredentials.Verification.Schemas;

namespace MicroCredentials.Core.Tests.Verification.Schemas;

// Our compiled validator against an independent implementation (JsonSchema.Net, format assertion on) on every
// single-change variant of real credentials: the same valid/invalid answer for each, and enough of both answers that
// the comparison means something.
public sealed class CompiledSchemaDifferentialTests
{
    private static readonly EvaluationOptions Reference = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    // JsonSchema.Net registers a schema by its $id once per process.
    private static readonly Lazy<JsonSchema> ReferenceOb3 = new(() => JsonSchema.FromText(EmbeddedSchema("ob_v3p0_achievementcredential_schema.json")));
    private static readonly Lazy<JsonSchema> ReferenceExtension = new(() => JsonSchema.FromText(EmbeddedSchema("microcredential-v1.schema.json")));

    private static string EmbeddedSchema(string name)
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream("Schemas/" + name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static JsonObject OurSample() => CredentialJson.ToJsonObject(Samples.IssuedSampleCredentials().First());

    private static JsonObject SharedSample(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Standards, "ob3", "samples", file)))!.AsObject();

    private static IEnumerable<TestCaseData> Documents()
    {
        yield return new TestCaseData("our issued sample", (Func<JsonNode>)OurSample).SetArgDisplayNames("our-sample");
        yield return new TestCaseData("validator-complete.json", (Func<JsonNode>)(() => SharedSample("validator-complete.json"))).SetArgDisplayNames("validator-complete");
    }

    [TestCaseSource(nameof(Documents))]
    public void Ob3Schema_EverySingleChangeVariant_SameAnswerAsJsonSchemaNet(string name, Func<JsonNode> load)
    {
        var reference = ReferenceOb3.Value;
        var (compared, valid, mismatches) = Compare(SchemaValidator.Ob3Schema, reference, load());

        Assert.That(mismatches, Is.Empty, name);
        Assert.That(compared, Is.GreaterThan(1_000), "variants compared");
        Assert.That(valid, Is.GreaterThan(compared / 20).And.LessThan(compared - (compared / 20)), "both answers must be common");
    }

    [Test]
    public void ExtensionSchema_EverySingleChangeVariantOfTheAchievement_SameAnswerAsJsonSchemaNet()
    {
        var reference = ReferenceExtension.Value;
        var achievement = OurSample()["credentialSubject"]!["achievement"]!;
        var (compared, valid, mismatches) = Compare(SchemaValidator.ExtensionSchema, reference, achievement);

        Assert.That(mismatches, Is.Empty);
        Assert.That(compared, Is.GreaterThan(500));
        Assert.That(valid, Is.GreaterThan(compared / 20).And.LessThan(compared - (compared / 20)));
    }

    [TestCase("validator-complete.json")]
    [TestCase("validator-simple-eddsa-rdfc-2022.json")]
    [TestCase("validator-bitstring-revoked-credential.json")]
    public void SharedSamples_SameAnswerAsJsonSchemaNet(string file)
    {
        var reference = ReferenceOb3.Value;
        var document = SharedSample(file);

        Assert.That(SchemaValidator.Ob3Schema.IsValid(document), Is.EqualTo(reference.Evaluate(ToElement(document), Reference).IsValid));
    }

    [TestCase("achievementcredential.json")]
    [TestCase("endorsementcredential.json")]
    [TestCase("profile.json")]
    public void Ob3PublishedSchemas_AllCompile(string file) =>
        Assert.That(() => CompiledSchema.Compile(File.ReadAllText(Path.Combine(RepositoryPaths.Standards, "ob3", "schema", file))), Throws.Nothing);

    private static (int Compared, int Valid, List<string> Mismatches) Compare(CompiledSchema ours, JsonSchema reference, JsonNode document)
    {
        var mismatches = new List<string>();
        var compared = 0;
        var valid = 0;
        foreach (var (change, variant) in SchemaMutants.Of(document).Prepend(("unchanged", document)))
        {
            var expected = reference.Evaluate(ToElement(variant), Reference).IsValid;
            var actual = ours.IsValid(variant);
            compared++;
            valid += actual ? 1 : 0;
            if (actual != expected)
            {
                mismatches.Add($"{change}: ours {(actual ? "valid" : "invalid")}, JsonSchema.Net {(expected ? "valid" : "invalid")}");
            }
            else if (!actual)
            {
                // An invalid answer must also explain itself.
                var errors = new List<string>();
                if (ours.Validate(variant, errors) || errors.Count == 0)
                {
                    mismatches.Add($"{change}: invalid without an error message");
                }
            }
        }

        return (compared, valid, mismatches);
    }

    private static JsonElement ToElement(JsonNode node) => JsonSerializer.SerializeToElement(node);
}
