using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;

namespace MicroCredentials.Core.Tests.JsonLd;

/// <summary>The W3C JSON-LD 1.1 toRdf and expand test suites, one test case per manifest entry.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class W3cJsonLdSuiteTests
{
    private static int toRdfPassed;
    private static int toRdfRun;
    private static int expandPassed;
    private static int expandRun;

    public static IEnumerable<TestCaseData> ToRdfCases() => Cases("toRdf-manifest.jsonld");

    public static IEnumerable<TestCaseData> ExpandCases() => Cases("expand-manifest.jsonld");

    [OneTimeTearDown]
    public void Report()
    {
        TestContext.Progress.WriteLine($"toRdf: {toRdfPassed}/{toRdfRun} passed");
        TestContext.Progress.WriteLine($"expand: {expandPassed}/{expandRun} passed");
    }

    [TestCaseSource(nameof(ToRdfCases))]
    public void ToRdf_SuiteEntry_MatchesExpectation(JsonLdSuiteCase suiteCase)
    {
        Interlocked.Increment(ref toRdfRun);
        var options = Options(suiteCase);
        var input = ReadJson(suiteCase.Input);
        if (suiteCase.IsNegative)
        {
            var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(input, options));
            Assert.That(e!.ErrorCode, Is.EqualTo(suiteCase.ExpectErrorCode));
        }
        else if (suiteCase.IsSyntaxOnly)
        {
            Assert.DoesNotThrow(() => JsonLdProcessor.ToRdf(input, options));
        }
        else
        {
            var actual = JsonLdProcessor.ToRdf(input, options);
            var expected = TestNQuads.Parse(File.ReadAllText(Path.Combine(TestPaths.JsonLdSuite, suiteCase.Expect!)));
            Assert.That(
                RdfIsomorphism.AreIsomorphic(actual, expected),
                Is.True,
                () => $"expected:\n{string.Concat(expected)}\nactual:\n{string.Concat(actual)}");
        }

        Interlocked.Increment(ref toRdfPassed);
    }

    [TestCaseSource(nameof(ExpandCases))]
    public void Expand_SuiteEntry_MatchesExpectation(JsonLdSuiteCase suiteCase)
    {
        Interlocked.Increment(ref expandRun);
        var options = Options(suiteCase);
        var input = ReadJson(suiteCase.Input);
        if (suiteCase.IsNegative)
        {
            var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(input, options));
            Assert.That(e!.ErrorCode, Is.EqualTo(suiteCase.ExpectErrorCode));
        }
        else
        {
            var actual = JsonLdProcessor.Expand(input, options);
            var expected = ReadJson(suiteCase.Expect!);
            Assert.That(
                JsonLdEquality.AreEqual(actual, expected),
                Is.True,
                () => $"expected:\n{expected?.ToJsonString()}\nactual:\n{actual.ToJsonString()}");
        }

        Interlocked.Increment(ref expandPassed);
    }

    private static IEnumerable<TestCaseData> Cases(string manifest)
    {
        var (run, _) = JsonLdSuiteCase.Load(manifest);
        return run.Select(c => new TestCaseData(c).SetName($"{c.Manifest}{c.Id} {c.Name}"));
    }

    private static JsonNode? ReadJson(string relative) => JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.JsonLdSuite, relative)));

    private static JsonLdOptions Options(JsonLdSuiteCase c)
    {
        var o = c.Option;
        var options = new JsonLdOptions
        {
            Base = o["base"]?.GetValue<string>() ?? SuiteDocumentLoader.SuiteBase + c.Input,
            DocumentLoader = SuiteDocumentLoader.Instance,
            ProcessingMode = o["processingMode"]?.GetValue<string>() == "json-ld-1.0" ? JsonLdProcessingMode.JsonLd10 : JsonLdProcessingMode.JsonLd11,
            ProduceGeneralizedRdf = o["produceGeneralizedRdf"]?.GetValue<bool>() ?? false,
            RdfDirection = o["rdfDirection"]?.GetValue<string>() switch
            {
                "i18n-datatype" => JsonLdRdfDirection.I18nDatatype,
                "compound-literal" => JsonLdRdfDirection.CompoundLiteral,
                _ => null,
            },
        };
        if (o["expandContext"]?.GetValue<string>() is { } expandContext)
        {
            options = options with { ExpandContext = ReadJson(expandContext) };
        }

        return options;
    }
}
