using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;

namespace MicroCredentials.Core.Tests.JsonLd;

/// <summary>
/// Issue 10: in safe mode, keyword misuse inside node, set, list and value objects and language maps raises the
/// error jsonld.js 9 raises in safe mode (each case was run through it), instead of being dropped; the differential
/// test checks the same thousands of times against jsonld.js itself.
/// </summary>
public sealed class SafeModeKeywordTests
{
    private static readonly JsonLdOptions Safe = new() { SafeMode = true };

    /// <summary>A document whose property p holds <paramref name="value"/>.</summary>
    private static JsonObject Document(string value) => new()
    {
        ["@context"] = new JsonObject
        {
            ["p"] = "http://example.org/p",
            ["l"] = new JsonObject { ["@id"] = "http://example.org/l", ["@container"] = "@language" },
        },
        ["@id"] = "http://example.org/s",
        ["p"] = JsonNode.Parse(value),
    };

    /// <summary>A node object under p with one more entry.</summary>
    private static string Node(string entry) => $$"""{"@id": "http://example.org/o", "http://example.org/q": "v", {{entry}}}""";

    [TestCase("\"@set\": [\"x\"]", JsonLdErrorCodes.InvalidSetOrListObject, TestName = "Node object with @set")]
    [TestCase("\"@list\": [\"x\"]", JsonLdErrorCodes.InvalidSetOrListObject, TestName = "Node object with @list")]
    [TestCase("\"@type\": \"http://example.org/T\", \"@set\": [\"x\"]", JsonLdErrorCodes.InvalidSetOrListObject, TestName = "Typed node object with @set (jsonld.js drops it silently; see JsonLdJsDeviations)")]
    [TestCase("\"@propagate\": true", JsonLdErrorCodes.UndefinedTerm, TestName = "Node object with @propagate")]
    [TestCase("\"@import\": \"https://www.w3.org/ns/credentials/v2\"", JsonLdErrorCodes.UndefinedTerm, TestName = "Node object with @import")]
    [TestCase("\"@included\": null", JsonLdErrorCodes.InvalidIncludedValue, TestName = "Node object with @included null")]
    [TestCase("\"@included\": {\"@id\": \"http://example.org/i\"}", JsonLdErrorCodes.InvalidIncludedValue, TestName = "Node object with a node reference as @included")]
    [TestCase("\"@included\": \"x\"", JsonLdErrorCodes.InvalidIncludedValue, TestName = "Node object with a string as @included")]
    [TestCase("\"@graph\": {}", JsonLdErrorCodes.DroppedValue, TestName = "Node object with an empty @graph object")]
    [TestCase("\"@graph\": \"x\"", JsonLdErrorCodes.InvalidGraphValue, TestName = "Node object with a string as @graph")]
    [TestCase("\"@graph\": {\"@id\": \"http://example.org/g\"}", JsonLdErrorCodes.DroppedValue, TestName = "Node object with an @id-only @graph")]
    [TestCase("\"@language\": \"not a tag!\"", JsonLdErrorCodes.InvalidLanguageTaggedString, TestName = "Node object with an ill-formed @language")]
    [TestCase("\"@language\": 5", JsonLdErrorCodes.InvalidLanguageTaggedString, TestName = "Node object with a number as @language")]
    [TestCase("\"@vocab\": {\"@value\": \"x\", \"@id\": \"http://example.org/x\"}", JsonLdErrorCodes.InvalidValueObject, TestName = "Node object with @vocab holding an invalid value object")]
    [TestCase("\"@nest\": {\"@value\": \"x\"}", JsonLdErrorCodes.InvalidNestValue, TestName = "Node object with a value object as @nest")]
    [TestCase("\"@reverse\": {\"http://example.org/r\": \"x\"}", JsonLdErrorCodes.InvalidReversePropertyValue, TestName = "Node object with a literal in @reverse")]
    [TestCase("\"@direction\": \"up\"", JsonLdErrorCodes.InvalidBaseDirection, TestName = "Node object with an invalid @direction")]
    public void ToRdf_KeywordMisuseInNodeObject_Raises(string entry, string code) => AssertRaises(Node(entry), code);

    [TestCase("{\"@language\": \"en\"}", JsonLdErrorCodes.DroppedValue, TestName = "Object with only @language")]
    [TestCase("{\"@value\": null}", JsonLdErrorCodes.DroppedValue, TestName = "Value object with a null @value")]
    [TestCase("{\"@value\": \"x\", \"@language\": \"en\", \"@type\": \"http://example.org/T\"}", JsonLdErrorCodes.InvalidValueObject, TestName = "Value object with @type and @language")]
    [TestCase("{\"@value\": \"x\", \"@id\": \"http://example.org/x\"}", JsonLdErrorCodes.InvalidValueObject, TestName = "Value object with @id")]
    [TestCase("{\"@value\": 5, \"@language\": \"en\"}", JsonLdErrorCodes.InvalidLanguageTaggedValue, TestName = "Language-tagged number")]
    [TestCase("{\"@value\": \"x\", \"@type\": \"_:b0\"}", JsonLdErrorCodes.InvalidTypedValue, TestName = "Value object typed with a blank node")]
    [TestCase("{\"@value\": \"x\", \"@language\": \"not a tag!\"}", JsonLdErrorCodes.InvalidLanguageTaggedString, TestName = "Value object with an ill-formed @language")]
    [TestCase("{\"@value\": \"x\", \"@direction\": \"ltr\"}", JsonLdErrorCodes.DroppedValue, TestName = "Value object with @direction and no rdfDirection")]
    [TestCase("{\"@value\": {\"a\": 1}}", JsonLdErrorCodes.InvalidValueObjectValue, TestName = "Value object holding an object")]
    [TestCase("{\"@set\": [\"x\"], \"@id\": \"http://example.org/x\"}", JsonLdErrorCodes.InvalidSetOrListObject, TestName = "Set object with @id")]
    [TestCase("{\"@list\": [\"x\"], \"@index\": \"i\", \"@id\": \"http://example.org/x\"}", JsonLdErrorCodes.InvalidSetOrListObject, TestName = "List object with @index and @id")]
    [TestCase("{\"@list\": [{\"@value\": \"x\", \"@index\": 5}]}", JsonLdErrorCodes.InvalidIndexValue, TestName = "List holding a value object with a number as @index")]
    public void ToRdf_InvalidValueSetOrListObject_Raises(string value, string code) => AssertRaises(value, code);

    [TestCase("{\"en\": 5}", JsonLdErrorCodes.InvalidLanguageMapValue, TestName = "Language map holding a number")]
    [TestCase("{\"en\": {\"@value\": \"x\"}}", JsonLdErrorCodes.InvalidLanguageMapValue, TestName = "Language map holding a value object")]
    [TestCase("{\"not a tag!\": \"x\"}", JsonLdErrorCodes.DroppedValue, TestName = "Language map with an ill-formed language")]
    public void ToRdf_InvalidLanguageMap_Raises(string map, string code)
    {
        var document = Document("\"x\"");
        document["l"] = JsonNode.Parse(map);

        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(document, Safe));

        Assert.That(e!.ErrorCode, Is.EqualTo(code), e.Message);
    }

    [TestCase("\"@vocab\": \"http://example.org/\"", TestName = "Node object with @vocab")]
    [TestCase("\"@embed\": \"@always\"", TestName = "Node object with a framing keyword")]
    [TestCase("\"@language\": \"en\"", TestName = "Node object with a well-formed @language")]
    [TestCase("\"@included\": []", TestName = "Node object with an empty @included")]
    public void ToRdf_HarmlessKeywordInNodeObject_AddsNoStatement(string entry)
    {
        var reference = JsonLdProcessor.ToRdf(Document(Node("\"@index\": \"i\"")), Safe);

        var quads = JsonLdProcessor.ToRdf(Document(Node(entry)), Safe);

        Assert.That(quads, Is.EquivalentTo(reference));
    }

    [Test]
    public void Expand_WithoutSafeMode_DropsKeywordMisuse()
    {
        var expanded = JsonLdProcessor.Expand(Document(Node("\"@propagate\": true")), new JsonLdOptions());

        Assert.That(expanded.ToJsonString(), Does.Not.Contain("@propagate"));
    }

    private static void AssertRaises(string value, string code)
    {
        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(Document(value), Safe));

        Assert.That(e!.ErrorCode, Is.EqualTo(code), e.Message);
    }
}
