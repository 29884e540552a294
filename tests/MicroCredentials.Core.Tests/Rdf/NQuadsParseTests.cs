using MicroCredentials.Rdf;

namespace MicroCredentials.Core.Tests.Rdf;

public sealed class NQuadsParseTests
{
    [Test]
    public void Parse_AllTermKinds_ReadsTerms()
    {
        var quads = NQuads.Parse(
            "# comment\n\n<urn:s> <urn:p> \"a\\tb\\u00e9\"@en-BE <urn:g> .\r\n_:b0 <urn:p> \"1\"^^<urn:int> _:g1 . # trailing\n<urn:s> <urn:p> _:b0.\n");

        Assert.That(quads, Has.Count.EqualTo(3));
        Assert.That(quads[0], Is.EqualTo(new Quad(
            RdfTerm.Iri("urn:s"), RdfTerm.Iri("urn:p"), RdfTerm.Literal("a\tb\u00e9", language: "en-BE"), RdfTerm.Iri("urn:g"))));
        Assert.That(quads[1], Is.EqualTo(new Quad(
            RdfTerm.Blank("b0"), RdfTerm.Iri("urn:p"), RdfTerm.Literal("1", "urn:int"), RdfTerm.Blank("g1"))));
        Assert.That(quads[2].Object, Is.EqualTo(RdfTerm.Blank("b0")));
        Assert.That(quads[2].Graph, Is.Null);
    }

    [Test]
    public void Parse_SerializedQuads_RoundTrips()
    {
        const string text = "<urn:s> <urn:p> \"x\\\"\\\\\\n\\u0001\U0001F303\" .\n_:a <urn:p> <urn:o> <urn:g> .\n";

        Assert.That(NQuads.Serialize(NQuads.Parse(text)), Is.EqualTo(text));
    }

    [TestCase("<urn:s> <urn:p> <urn:o>\n", 1, TestName = "Missing final dot")]
    [TestCase("<urn:s> <urn:p> \"open .\n", 1, TestName = "Unterminated literal")]
    [TestCase("\n<urn:s> \"p\" <urn:o> .\n", 2, TestName = "Literal predicate")]
    [TestCase("<s> <urn:p> <urn:o> .\n", 1, TestName = "Relative IRI")]
    [TestCase("<urn:s> <urn:p> \"x\"@ .\n", 1, TestName = "Empty language tag")]
    [TestCase("<urn:s> <urn:p> \"\\q\" .\n", 1, TestName = "Unknown escape")]
    [TestCase("<urn:s> <urn:p> <urn:o> . extra\n", 1, TestName = "Text after the dot")]
    [TestCase("<urn:s> <urn:p> <urn:o> <urn:g> <urn:h> .\n", 1, TestName = "Five terms")]
    [TestCase("<urn:s> <urn:p> <urn:a b> .\n", 1, TestName = "Space in IRI")]
    public void Parse_MalformedLine_ThrowsFormatExceptionNamingTheLine(string text, int line) =>
        Assert.That(() => NQuads.Parse(text), Throws.TypeOf<FormatException>().With.Message.Contains($"line {line},"));
}
