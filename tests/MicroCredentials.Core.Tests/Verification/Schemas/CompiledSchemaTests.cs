using System.Text.Json.Nodes;
using MicroCredentials.Verification.Schemas;

namespace MicroCredentials.Core.Tests.Verification.Schemas;

public sealed class CompiledSchemaTests
{
    private static List<string> Errors(string schema, string instance, string? location = null, IReadOnlySet<string>? ignored = null)
    {
        var errors = new List<string>();
        CompiledSchema.Compile(schema).Validate(JsonNode.Parse(instance), errors, location, ignored);
        return errors;
    }

    [Test]
    public void Validate_MissingRequiredAndWrongType_NamesEachPlaceAndWhy()
    {
        const string schema = """{"type":"object","required":["name"],"properties":{"credits":{"type":"number","exclusiveMinimum":0}}}""";

        Assert.That(Errors(schema, """{"credits":"six"}"""), Is.EqualTo(new[]
        {
            "the document: the required property \"name\" is missing.",
            "/credits: must be a number (found a string).",
        }));
    }

    [Test]
    public void Validate_LocationGiven_PointersStartThere() =>
        Assert.That(Errors("""{"properties":{"credits":{"exclusiveMinimum":0}}}""", """{"credits":0}""", "/credentialSubject/achievement"),
            Is.EqualTo(new[] { "/credentialSubject/achievement/credits: must be greater than 0." }));

    [Test]
    public void Validate_IgnoredProperty_CountsAsAbsent()
    {
        const string schema = """{"required":["a"],"properties":{"a":{},"b":{"type":"string"}},"additionalProperties":false}""";

        Assert.That(Errors(schema, """{"a":1,"b":2,"c":3}""", ignored: new HashSet<string> { "b", "c" }), Is.Empty);
        Assert.That(Errors(schema, """{"a":1,"c":3}"""), Is.EqualTo(new[] { "the document: the property \"c\" is not allowed." }));
        Assert.That(Errors(schema, """{"a":1}""", ignored: new HashSet<string> { "a" }), Is.EqualTo(new[] { "the document: the required property \"a\" is missing." }));
    }

    [Test]
    public void Validate_RecursiveReference_Terminates()
    {
        const string schema = """{"$ref":"#/$defs/Node","$defs":{"Node":{"type":"object","properties":{"child":{"$ref":"#/$defs/Node"},"n":{"type":"integer"}}}}}""";

        Assert.That(Errors(schema, """{"child":{"child":{"n":1}}}"""), Is.Empty);
        Assert.That(Errors(schema, """{"child":{"child":{"n":1.5}}}"""), Is.EqualTo(new[] { "/child/child/n: must be an integer (found a number)." }));
    }

    [TestCase("""{"type":"integer"}""", "1.0", true)]
    [TestCase("""{"type":["string","null"]}""", "null", true)]
    [TestCase("""{"enum":["a","b"]}""", "\"c\"", false)]
    [TestCase("""{"const":{"x":[1,2]}}""", """{"x":[1,2]}""", true)]
    [TestCase("""{"items":[{"const":1}],"additionalItems":false}""", "[1]", true)]
    [TestCase("""{"items":[{"const":1}],"additionalItems":false}""", "[1,2]", false)]
    [TestCase("""{"additionalItems":false}""", "[1,2]", true)]
    [TestCase("""{"contains":{"const":"VerifiableCredential"},"minItems":1}""", """["x","VerifiableCredential"]""", true)]
    [TestCase("""{"oneOf":[{"type":"string"},{"pattern":"^a"}]}""", "\"abc\"", false)]
    [TestCase("""{"anyOf":[{"type":"string"},{"pattern":"^a"}]}""", "\"abc\"", true)]
    [TestCase("""{"not":{"type":"string"}}""", "1", true)]
    [TestCase("""{"minLength":2}""", "\"😀\"", false)]
    [TestCase("""{"pattern":"^\\d+$"}""", "\"١٢\"", false)]
    [TestCase("""{"pattern":"^PT[0-9]+H$"}""", "\"PT30H\"", true)]
    [TestCase("""{"pattern":"^PT[0-9]+H$"}""", "\"PT30H\\n\"", false)]
    [TestCase("""{"pattern":"^a[$]b$"}""", "\"a$b\"", true)]
    [TestCase("""{"pattern":"^a\\$$"}""", "\"a$\"", true)]
    [TestCase("""{"propertyNames":{"pattern":"^[a-z]{2}$"},"minProperties":1}""", """{"nl":"x"}""", true)]
    [TestCase("""{"propertyNames":{"pattern":"^[a-z]{2}$"}}""", """{"NL":"x"}""", false)]
    [TestCase("""{"maxProperties":1}""", """{"a":1,"b":2}""", false)]
    [TestCase("false", "1", false)]
    public void IsValid_Keyword(string schema, string instance, bool valid) =>
        Assert.That(CompiledSchema.Compile(schema).IsValid(JsonNode.Parse(instance)), Is.EqualTo(valid));

    [TestCase("2026-02-10T09:30:15Z", true)]
    [TestCase("2026-02-10t09:30:15.123456z", true)]
    [TestCase("2024-02-29T23:59:60+14:00", true)]
    [TestCase("2026-02-10T09:30:15", false)]
    [TestCase("2026-02-29T09:30:15Z", false)]
    [TestCase("2026-04-31T09:30:15Z", false)]
    [TestCase("2026-02-10T24:00:00Z", false)]
    [TestCase("2026-02-10T09:30:15.Z", false)]
    [TestCase("2026-02-10 09:30:15Z", false)]
    [TestCase("2026-02-10T09:30:15+0100", false)]
    [TestCase("1900-02-29T00:00:00Z", false)]
    [TestCase("2000-02-29T00:00:00Z", true)]
    public void IsValid_DateTimeFormat(string text, bool valid) =>
        Assert.That(CompiledSchema.Compile("""{"format":"date-time"}""").IsValid(JsonValue.Create(text)), Is.EqualTo(valid));

    [TestCase("2026-02-10", true)]
    [TestCase("2026-2-10", false)]
    [TestCase("2026-02-10T00:00:00Z", false)]
    public void IsValid_DateFormat(string text, bool valid) =>
        Assert.That(CompiledSchema.Compile("""{"format":"date"}""").IsValid(JsonValue.Create(text)), Is.EqualTo(valid));

    [TestCase("""{"if":{"type":"string"}}""", "if")]
    [TestCase("""{"unevaluatedProperties":false}""", "unevaluatedProperties")]
    [TestCase("""{"$ref":"https://example.org/other.json"}""", "https://example.org/other.json")]
    [TestCase("""{"$ref":"#/$defs/Missing"}""", "#/$defs/Missing")]
    public void Compile_UnsupportedKeywordOrReference_RefusesAndNamesIt(string schema, string named) =>
        Assert.That(() => CompiledSchema.Compile(schema), Throws.TypeOf<NotSupportedException>().With.Message.Contains(named));
}
