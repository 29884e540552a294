using System.Text.Json;
using MicroCredentials.Rdf;
using MicroCredentials.Rdf.Canonicalization;

namespace MicroCredentials.Core.Tests.Rdf;

public sealed class Rdfc10Tests
{
    private static IEnumerable<TestCaseData> EvalTests() => RdfCanonTestSuite.Entries("rdfc:RDFC10EvalTest");

    private static IEnumerable<TestCaseData> MapTests() => RdfCanonTestSuite.Entries("rdfc:RDFC10MapTest");

    private static IEnumerable<TestCaseData> NegativeTests() => RdfCanonTestSuite.Entries("rdfc:RDFC10NegativeEvalTest");

    [TestCaseSource(nameof(EvalTests))]
    public void Canonicalize_W3cEvalTest_MatchesExpectedBytes(string action, string result, string? hashAlgorithm)
    {
        var quads = NQuads.Parse(RdfCanonTestSuite.Read(action));

        var canonical = Rdfc10.Canonicalize(quads, Options(hashAlgorithm));

        Assert.That(canonical, Is.EqualTo(RdfCanonTestSuite.Read(result)));
    }

    [TestCaseSource(nameof(MapTests))]
    public void CanonicalizeWithMap_W3cMapTest_MatchesIssuedIdentifiers(string action, string result, string? hashAlgorithm)
    {
        var quads = NQuads.Parse(RdfCanonTestSuite.Read(action));
        var expected = JsonSerializer.Deserialize<Dictionary<string, string>>(RdfCanonTestSuite.Read(result))!;

        var map = Rdfc10.CanonicalizeWithMap(quads, Options(hashAlgorithm)).IssuedIdentifiers;

        Assert.That(map, Is.EquivalentTo(expected));
    }

    [TestCaseSource(nameof(NegativeTests))]
    public void Canonicalize_W3cNegativeTest_RaisesWorkLimitError(string action, string? result, string? hashAlgorithm)
    {
        var quads = NQuads.Parse(RdfCanonTestSuite.Read(action));

        Assert.That(() => Rdfc10.Canonicalize(quads, Options(hashAlgorithm)), Throws.TypeOf<Rdfc10WorkLimitExceededException>());
    }

    [Test]
    public void Canonicalize_Test075WithDefaultSha256_DiffersFromItsSha384Result()
    {
        // #test075c expects SHA-384 ordering; the default must not happen to produce it.
        var quads = NQuads.Parse(RdfCanonTestSuite.Read("rdfc10/test075-in.nq"));

        Assert.That(Rdfc10.Canonicalize(quads), Is.Not.EqualTo(RdfCanonTestSuite.Read("rdfc10/test075-rdfc10.nq")));
    }

    [Test]
    public void Canonicalize_CharactersAboveBmp_SortsByCodePointNotUtf16()
    {
        // U+1F303 (surrogates D83C DF03 in UTF-16) must sort after U+FF21: UTF-16 ordinal order says the opposite.
        var quads = NQuads.Parse("<urn:s> <urn:p> \"\U0001F303\" .\n<urn:s> <urn:p> \"\uFF21\" .\n");

        var canonical = Rdfc10.Canonicalize(quads);

        Assert.That(canonical, Is.EqualTo("<urn:s> <urn:p> \"\uFF21\" .\n<urn:s> <urn:p> \"\U0001F303\" .\n"));
    }

    [Test]
    public void Canonicalize_DuplicateQuads_CountOnce()
    {
        var quads = NQuads.Parse("_:a <urn:p> \"x\" .\n_:a <urn:p> \"x\" .\n");

        Assert.That(Rdfc10.Canonicalize(quads), Is.EqualTo("_:c14n0 <urn:p> \"x\" .\n"));
    }

    [Test]
    public void Canonicalize_ZeroWorkFactorWithSymmetricNodes_RaisesWorkLimitError()
    {
        var quads = NQuads.Parse("_:a <urn:p> _:b .\n_:b <urn:p> _:a .\n");

        Assert.That(
            () => Rdfc10.Canonicalize(quads, new Rdfc10Options { MaxWorkFactor = 0 }),
            Throws.TypeOf<Rdfc10WorkLimitExceededException>());
    }

    /// <summary>The suite's poison tests #test044c–#test046c are computable within n³ calls (work factor 3), #test074c is not.</summary>
    private static Rdfc10Options Options(string? hashAlgorithm) => hashAlgorithm switch
    {
        null => new Rdfc10Options { MaxWorkFactor = 3 },
        "SHA384" => new Rdfc10Options { HashAlgorithm = Rdfc10HashAlgorithm.Sha384, MaxWorkFactor = 3 },
        _ => throw new ArgumentException($"Unknown hash algorithm {hashAlgorithm}", nameof(hashAlgorithm)),
    };
}
