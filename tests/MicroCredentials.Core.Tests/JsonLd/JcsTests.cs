using System.Text.Json.Nodes;
using MicroCredentials.Codecs;

namespace MicroCredentials.Core.Tests.JsonLd;

public sealed class JcsTests
{
    private static string EddsaJcs => Path.Combine(TestPaths.Standards, "w3c", "eddsa");

    [Test]
    public void Canonicalize_W3cUnsignedDocument_EqualsCanonDocJcs()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(EddsaJcs, "unsigned.json")));

        var canonical = Jcs.Canonicalize(document);

        Assert.That(canonical, Is.EqualTo(File.ReadAllText(Path.Combine(EddsaJcs, "eddsa-jcs-2022", "canonDocJCS.txt"))));
    }

    [Test]
    public void Canonicalize_W3cProofConfiguration_EqualsProofCanonJcs()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(EddsaJcs, "eddsa-jcs-2022", "proofConfigJCS.json")));

        var canonical = Jcs.Canonicalize(document);

        Assert.That(canonical, Is.EqualTo(File.ReadAllText(Path.Combine(EddsaJcs, "eddsa-jcs-2022", "proofCanonJCS.txt")).TrimEnd('\n')));
    }

    // RFC 8785 §3.2.2.3 and Appendix B examples.
    [TestCase("0", "0")]
    [TestCase("-0", "0")]
    [TestCase("1E30", "1e+30")]
    [TestCase("4.50", "4.5")]
    [TestCase("2e-3", "0.002")]
    [TestCase("0.000000000000000000000000001", "1e-27")]
    [TestCase("333333333.33333329", "333333333.3333333")]
    [TestCase("1e21", "1e+21")]
    [TestCase("1e20", "100000000000000000000")]
    [TestCase("9007199254740992", "9007199254740992")]
    [TestCase("-5e-324", "-5e-324")]
    [TestCase("1.7976931348623157e308", "1.7976931348623157e+308")]
    [TestCase("0.000001", "0.000001")]
    [TestCase("0.0000001", "1e-7")]
    public void Canonicalize_Number_UsesEcmaScriptForm(string json, string expected)
    {
        Assert.That(Jcs.Canonicalize(JsonNode.Parse(json)), Is.EqualTo(expected));
    }

    [Test]
    public void Canonicalize_Object_SortsKeysByUtf16AndEscapesMinimally()
    {
        var document = JsonNode.Parse("{\"b\":\"\\u20ac\\n\\u0001\",\"a\":[true,null,{\"\\u00e9\":1,\"z\":2}],\"\\ud83d\\ude00\":0,\"\\ufb33\":0}");

        var canonical = Jcs.Canonicalize(document);

        Assert.That(canonical, Is.EqualTo("{\"a\":[true,null,{\"z\":2,\"\u00e9\":1}],\"b\":\"\u20ac\\n\\u0001\",\"\ud83d\ude00\":0,\"\ufb33\":0}"));
    }
}
