using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;
using MicroCredentials.Rdf;

namespace MicroCredentials.Core.Tests.JsonLd;

/// <summary>Every bound of <see cref="CoreLimits"/> on the JSON-LD processor, at the bound and one past it.</summary>
public sealed class JsonLdLimitsTests
{
    private static readonly JsonLdOptions Safe = new() { SafeMode = true };

    /// <summary><c>"t0": "t1:x", "t1": "t2:x", …, "t{n-1}": "http://example.org/"</c>: n term definitions deep.</summary>
    internal static JsonObject PrefixChain(int terms)
    {
        var context = new JsonObject();
        for (var i = 0; i < terms - 1; i++)
        {
            context["t" + i] = $"t{i + 1}:x";
        }

        context["t" + (terms - 1)] = "http://example.org/";
        return context;
    }

    private static JsonObject Document(JsonNode context) => new()
    {
        ["@context"] = context,
        ["@id"] = "http://example.org/s",
        ["http://example.org/p"] = "v",
    };

    private static JsonLdException Rejects(JsonNode document) =>
        Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(document, Safe))!;

    [Test]
    public void ToRdf_PrefixChainAtDepthLimit_IsProcessed()
    {
        var quads = JsonLdProcessor.ToRdf(Document(PrefixChain(CoreLimits.JsonLdMaxTermDefinitionDepth)), Safe);

        Assert.That(quads, Has.Count.EqualTo(1));
    }

    [Test]
    public void ToRdf_PrefixChainOnePastDepthLimit_IsInvalidIriMapping()
    {
        var e = Rejects(Document(PrefixChain(CoreLimits.JsonLdMaxTermDefinitionDepth + 1)));

        Assert.That(e.ErrorCode, Is.EqualTo(JsonLdErrorCodes.InvalidIriMapping));
    }

    [Test]
    public void ToRdf_PrefixChainOf5000_IsContextOverflowWithoutStackOverflow()
    {
        // The attack of issue 10: 5,000 chained compact-IRI prefixes in one local context.
        var e = Rejects(Document(PrefixChain(5001)));

        Assert.That(e.ErrorCode, Is.EqualTo(JsonLdErrorCodes.ContextOverflow));
    }

    [Test]
    public void ToRdf_LongPrefixChainWithinTermCount_IsInvalidIriMapping()
    {
        var e = Rejects(Document(PrefixChain(CoreLimits.JsonLdMaxTermsPerContext)));

        Assert.That(e.ErrorCode, Is.EqualTo(JsonLdErrorCodes.InvalidIriMapping));
    }

    private static JsonObject Terms(int count, string prefix)
    {
        var context = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            context[prefix + i] = "http://example.org/" + prefix + i;
        }

        return context;
    }

    [Test]
    public void ToRdf_TermsPerContextAtLimit_IsProcessed()
    {
        Assert.That(JsonLdProcessor.ToRdf(Document(Terms(CoreLimits.JsonLdMaxTermsPerContext, "a")), Safe), Has.Count.EqualTo(1));
    }

    [Test]
    public void ToRdf_TermsPerContextOnePastLimit_IsContextOverflow()
    {
        var e = Rejects(Document(Terms(CoreLimits.JsonLdMaxTermsPerContext + 1, "a")));

        Assert.That(e.ErrorCode, Is.EqualTo(JsonLdErrorCodes.ContextOverflow));
    }

    private static JsonArray ActiveTerms(int count)
    {
        var contexts = new JsonArray();
        for (var start = 0; start < count; start += CoreLimits.JsonLdMaxTermsPerContext)
        {
            contexts.Add(Terms(Math.Min(CoreLimits.JsonLdMaxTermsPerContext, count - start), "c" + start + "_"));
        }

        return contexts;
    }

    [Test]
    public void ToRdf_ActiveTermsAtLimit_IsProcessed()
    {
        Assert.That(JsonLdProcessor.ToRdf(Document(ActiveTerms(CoreLimits.JsonLdMaxActiveTerms)), Safe), Has.Count.EqualTo(1));
    }

    [Test]
    public void ToRdf_ActiveTermsOnePastLimit_IsContextOverflow()
    {
        var e = Rejects(Document(ActiveTerms(CoreLimits.JsonLdMaxActiveTerms + 1)));

        Assert.That(e.ErrorCode, Is.EqualTo(JsonLdErrorCodes.ContextOverflow));
    }

    /// <summary>A context whose term p1 has a scoped context whose term p2 has one … <paramref name="depth"/> contexts in all.</summary>
    private static JsonObject NestedScopedContexts(int depth)
    {
        JsonObject context = new() { ["p" + depth] = "http://example.org/p" };
        for (var i = depth - 1; i >= 1; i--)
        {
            context = new JsonObject { ["p" + i] = new JsonObject { ["@id"] = "http://example.org/p" + i, ["@context"] = context } };
        }

        return context;
    }

    [Test]
    public void ToRdf_ScopedContextsNestedToLimit_AreProcessed()
    {
        Assert.That(JsonLdProcessor.ToRdf(Document(NestedScopedContexts(CoreLimits.JsonLdMaxContextDepth)), Safe), Has.Count.EqualTo(1));
    }

    [Test]
    public void ToRdf_ScopedContextsNestedOnePastLimit_IsContextOverflow()
    {
        var e = Rejects(Document(NestedScopedContexts(CoreLimits.JsonLdMaxContextDepth + 1)));

        Assert.That(e.ErrorCode, Is.EqualTo(JsonLdErrorCodes.ContextOverflow));
    }

    private static JsonArray EmptyContexts(int count)
    {
        var contexts = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            contexts.Add(new JsonObject());
        }

        return contexts;
    }

    [Test]
    public void ToRdf_ContextsPerDocumentAtLimit_AreProcessed()
    {
        Assert.That(JsonLdProcessor.ToRdf(Document(EmptyContexts(CoreLimits.JsonLdMaxContextsPerDocument)), Safe), Has.Count.EqualTo(1));
    }

    [Test]
    public void ToRdf_ContextsPerDocumentOnePastLimit_IsContextOverflow()
    {
        var e = Rejects(Document(EmptyContexts(CoreLimits.JsonLdMaxContextsPerDocument + 1)));

        Assert.That(e.ErrorCode, Is.EqualTo(JsonLdErrorCodes.ContextOverflow));
    }

    [Test]
    public void ToRdf_EmbeddedContextInEveryNestedObject_CountsEachContext()
    {
        // One sibling object more than the limit, each with its own embedded @context (those are never cached).
        var items = new JsonArray();
        for (var i = 0; i < CoreLimits.JsonLdMaxContextsPerDocument + 1; i++)
        {
            items.Add(new JsonObject { ["@context"] = new JsonObject { ["q"] = "http://example.org/q" }, ["q"] = i });
        }

        var e = Rejects(new JsonObject { ["@id"] = "http://example.org/s", ["http://example.org/p"] = items });

        Assert.That(e.ErrorCode, Is.EqualTo(JsonLdErrorCodes.ContextOverflow));
    }

    /// <summary>Objects nested <paramref name="depth"/> deep (the document itself is level 1), parsed without System.Text.Json's own limit.</summary>
    private static JsonNode NestedObjects(int depth, string container)
    {
        var text = new StringBuilder();
        text.Append("{\"@context\":{\"p\":{\"@id\":\"http://example.org/p\"").Append(container).Append("}},\"@id\":\"http://example.org/s\"");
        for (var i = 1; i < depth; i++)
        {
            text.Append(",\"p\":{");
        }

        text.Append(",\"http://example.org/v\":\"end\"");
        text.Append('}', depth);
        return JsonNode.Parse(text.ToString().Replace("{,", "{", StringComparison.Ordinal), documentOptions: new JsonDocumentOptions { MaxDepth = 20_000 })!;
    }

    [Test]
    public void ToRdf_NestingAtLimit_IsProcessed()
    {
        Assert.That(JsonLdProcessor.ToRdf(NestedObjects(CoreLimits.JsonLdMaxNestingDepth, string.Empty), Safe), Has.Count.EqualTo(CoreLimits.JsonLdMaxNestingDepth));
    }

    [Test]
    public void ToRdf_NestingOnePastLimit_IsNestingTooDeep()
    {
        var e = Rejects(NestedObjects(CoreLimits.JsonLdMaxNestingDepth + 1, string.Empty));

        Assert.That(e.ErrorCode, Is.EqualTo(JsonLdErrorCodes.NestingTooDeep));
    }

    [Test]
    public void Expand_NestingTenThousandDeep_IsNestingTooDeep()
    {
        var e = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(NestedObjects(10_000, string.Empty), Safe));

        Assert.That(e!.ErrorCode, Is.EqualTo(JsonLdErrorCodes.NestingTooDeep));
    }

    [Test]
    public void ToRdf_GraphContainersAtNodeMapLimit_AreProcessed()
    {
        // Each @graph container level is two node map levels (the graph object, then the node in it): 64 JSON levels = 127.
        var quads = JsonLdProcessor.ToRdf(NestedObjects((CoreLimits.JsonLdMaxNestingDepth / 2) + 0, ",\"@container\":\"@graph\""), Safe);

        Assert.That(quads, Is.Not.Empty);
    }

    [Test]
    public void ToRdf_GraphContainersOnePastNodeMapLimit_IsNestingTooDeep()
    {
        var e = Rejects(NestedObjects((CoreLimits.JsonLdMaxNestingDepth / 2) + 1, ",\"@container\":\"@graph\""));

        Assert.That(e.ErrorCode, Is.EqualTo(JsonLdErrorCodes.NestingTooDeep));
    }

    private static List<Quad> SerializeNestedList(int depth)
    {
        object? list = new List<object?> { new Dictionary<string, object?> { ["@value"] = "end" } };
        for (var i = 1; i < depth; i++)
        {
            list = new List<object?> { new Dictionary<string, object?> { ["@list"] = list } };
        }

        var nodeMap = new NodeMap();
        nodeMap.Graphs["@default"] = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal)
        {
            ["http://example.org/s"] = new(StringComparer.Ordinal)
            {
                ["@id"] = "http://example.org/s",
                ["http://example.org/p"] = new List<object?> { new Dictionary<string, object?> { ["@list"] = list } },
            },
        };
        return new RdfSerializer(nodeMap, Safe).Serialize();
    }

    [Test]
    public void Serialize_ListsNestedToLimit_AreConverted()
    {
        Assert.That(SerializeNestedList(CoreLimits.JsonLdMaxNestingDepth), Has.Count.EqualTo((2 * CoreLimits.JsonLdMaxNestingDepth) + 1));
    }

    [Test]
    public void Serialize_ListsNestedOnePastLimit_IsNestingTooDeep()
    {
        var e = Assert.Throws<JsonLdException>(() => SerializeNestedList(CoreLimits.JsonLdMaxNestingDepth + 1));

        Assert.That(e!.ErrorCode, Is.EqualTo(JsonLdErrorCodes.NestingTooDeep));
    }

    private sealed class FreshLoader : DocumentLoader
    {
        public override RemoteDocument LoadDocument(string url) => EmbeddedDocumentLoader.Instance.LoadDocument(url);
    }

    [Test]
    public void ToRdf_ManyContextCombinations_KeepAtMostTheSharedContextLimit()
    {
        // [v2], [v2, v2], [v2, v2, v2] … each derives one more context from the loader's own documents.
        var loader = new FreshLoader();
        var options = new JsonLdOptions { SafeMode = true, DocumentLoader = loader };
        var contexts = new JsonArray();
        for (var i = 0; i < CoreLimits.JsonLdMaxSharedContexts + 1; i++)
        {
            contexts.Add(ContextUrls.CredentialsV2);
            var document = new JsonObject { ["@context"] = contexts.DeepClone(), ["id"] = "http://example.org/s", ["name"] = "n" };

            Assert.That(JsonLdProcessor.ToRdf(document, options), Has.Count.EqualTo(1));
        }

        Assert.That(loader.SharedContexts, Is.EqualTo(CoreLimits.JsonLdMaxSharedContexts));
    }

    [Test]
    public void ToRdf_DocumentOwnScopedContexts_AreNotKeptByTheLoader()
    {
        var loader = new FreshLoader();
        var options = new JsonLdOptions { SafeMode = true, DocumentLoader = loader };
        JsonLdProcessor.ToRdf(new JsonObject { ["@context"] = ContextUrls.CredentialsV2, ["id"] = "http://example.org/s", ["name"] = "n" }, options);
        var kept = loader.SharedContexts;

        for (var i = 0; i < 10; i++)
        {
            // A type-scoped context that does not propagate, then a property-scoped one of the document's own making.
            var own = new JsonObject
            {
                ["@propagate"] = false,
                ["q" + i] = new JsonObject { ["@id"] = "http://example.org/q", ["@context"] = new JsonObject { ["r"] = "http://example.org/r" } },
            };
            var document = new JsonObject
            {
                ["@context"] = new JsonArray(ContextUrls.CredentialsV2, own),
                ["id"] = "http://example.org/s",
                ["q" + i] = new JsonObject { ["r"] = "x" },
            };
            JsonLdProcessor.ToRdf(document, options);
        }

        Assert.That(loader.SharedContexts, Is.EqualTo(kept));
    }

    [Test]
    public void ExpandIri_OnSharedContext_CachesAtMostTheLimitAndOnlyShortKeys()
    {
        var root = new FreshLoader().Root(JsonLdProcessingMode.JsonLd11);
        for (var i = 0; i <= CoreLimits.JsonLdMaxCachedIris; i++)
        {
            ContextProcessor.ExpandIri(root, "http://example.org/" + i, documentRelative: false, vocab: true);
        }

        Assert.That(root.VocabIris, Has.Count.EqualTo(CoreLimits.JsonLdMaxCachedIris));

        var other = new FreshLoader().Root(JsonLdProcessingMode.JsonLd11);
        ContextProcessor.ExpandIri(other, "http://example.org/" + new string('a', CoreLimits.JsonLdMaxCachedIriLength - 19), false, true);
        ContextProcessor.ExpandIri(other, "http://example.org/" + new string('a', CoreLimits.JsonLdMaxCachedIriLength - 18), false, true);

        Assert.That(other.VocabIris, Has.Count.EqualTo(1));
    }
}
