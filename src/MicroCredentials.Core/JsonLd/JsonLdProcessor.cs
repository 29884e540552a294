using System.Text.Json.Nodes;
using MicroCredentials.Rdf;
using JList = System.Collections.Generic.List<object?>;
using JMap = System.Collections.Generic.Dictionary<string, object?>;

namespace MicroCredentials.JsonLd;

/// <summary>
/// A JSON-LD 1.1 processor: expansion and deserialization to RDF (JSON-LD 1.1 Processing Algorithms and API,
/// https://www.w3.org/TR/json-ld11-api/ §5.1, §7.2, §8.1, §9.3). Thread-safe; processed contexts are cached on
/// the <see cref="DocumentLoader"/> and reused across calls, documents and threads.
/// </summary>
public static class JsonLdProcessor
{
    /// <summary>Expands a JSON-LD document (API §9.3 <c>expand()</c>).</summary>
    /// <param name="input">The JSON-LD document (object or array).</param>
    /// <param name="options">Options; <see cref="JsonLdOptions.Base"/> resolves relative IRIs.</param>
    /// <returns>The expanded document: an array of node objects.</returns>
    /// <exception cref="JsonLdException">The document is not valid JSON-LD, a context cannot be loaded, or (safe mode) something would be dropped.</exception>
    public static JsonArray Expand(JsonNode? input, JsonLdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var expanded = ExpandInternal(JsonModel.FromNode(input), options);
        return (JsonArray)JsonModel.ToNode(expanded)!;
    }

    /// <summary>
    /// Converts a JSON-LD document to an RDF dataset (API §9.3 <c>toRdf()</c>): expansion, node map generation and
    /// Deserialize JSON-LD to RDF. Blank nodes are labelled <c>b0</c>, <c>b1</c>, … in document order.
    /// </summary>
    /// <exception cref="JsonLdException">The document is not valid JSON-LD, a context cannot be loaded, or (safe mode) something would be dropped.</exception>
    public static IReadOnlyList<Quad> ToRdf(JsonNode? input, JsonLdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var expanded = ExpandInternal(JsonModel.FromNode(input), options);
        var nodeMap = new NodeMap();
        nodeMap.Graphs[Keywords.Default] = new Dictionary<string, JMap>(StringComparer.Ordinal);
        nodeMap.Add(expanded, Keywords.Default, null, null, null);
        return new RdfSerializer(nodeMap, options).Serialize();
    }

    internal static JList ExpandInternal(object? document, JsonLdOptions options)
    {
        var loader = options.DocumentLoader;
        var budget = new ProcessingBudget();
        var active = options.Base is null ? loader.Root(options.ProcessingMode) : new ActiveContext(options.ProcessingMode, options.Base);
        if (options.ExpandContext is { } expandContext)
        {
            var context = JsonModel.FromNode(expandContext);
            if (context is JMap m && m.TryGetValue(Keywords.Context, out var inner))
            {
                context = inner;
            }

            active = ContextProcessor.Process(loader, budget, active, context, options.Base);
        }

        return new Expander(loader, budget, options.SafeMode).ExpandDocument(active, document, options.Base);
    }
}
