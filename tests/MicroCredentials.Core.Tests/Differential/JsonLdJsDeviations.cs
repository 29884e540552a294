using System.Text.Json.Nodes;
using MicroCredentials.JsonLd;

namespace MicroCredentials.Core.Tests.Differential;

/// <summary>
/// Where jsonld.js 9 is plainly wrong against JSON-LD 1.1, and how the differential test deals with it. Each entry
/// names the spec clause; nothing else is excused.
/// </summary>
internal static class JsonLdJsDeviations
{
    /// <summary>
    /// jsonld.js rejects every context with <c>"@protected": false</c> ("cyclic IRI mapping": it marks the key as
    /// being defined with the value itself, then finds it "in progress"). JSON-LD 1.1 API §4.1.2 step 5.13 passes the
    /// value on as the protected default, which is false anyway. jsonld.js is given the same document without those
    /// entries: the meaning is unchanged, so its answer is still compared byte for byte.
    /// </summary>
    public static JsonNode WithoutFalseProtected(JsonNode document)
    {
        var copy = document.DeepClone();
        Walk(copy, inContext: false);
        return copy;

        static void Walk(JsonNode? node, bool inContext)
        {
            switch (node)
            {
                case JsonObject o:
                    if (inContext && o["@protected"] is JsonValue v && v.TryGetValue<bool>(out var b) && !b)
                    {
                        o.Remove("@protected");
                    }

                    foreach (var (k, child) in o.ToList())
                    {
                        // Inside a context, term definitions' own @context values are contexts too.
                        Walk(child, inContext: k == "@context" || (inContext && child is JsonObject));
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Walk(child, inContext);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Whether our refusal of a document jsonld.js accepts is one of the documented spec points, and which.
    /// </summary>
    public static string? Excuse(string ourError, JsonNode document)
    {
        // JSON-LD 1.1 API §4.1.2 step 5.10: a context's @direction is the default base direction of every context
        // derived from it. jsonld.js forgets it whenever it clones a context (a type-scoped or property-scoped one,
        // which every credential has), so it emits the strings without a direction; with none the direction would be
        // lost, so safe mode refuses.
        if (ourError.Contains("has no RDF form without the rdfDirection option", StringComparison.Ordinal) && HasDefaultDirection(document))
        {
            return "default @direction lost by jsonld.js (API §4.1.2 step 5.10)";
        }

        // JSON-LD 1.1 API §7.2.2 step 4.2 adds a value object to a node unless an equal one is there; jsonld.js compares
        // value objects without @direction, so a directional string merges into the same plain string elsewhere on the
        // node (our credential repeats the issuer as the achievement's creator) and its direction is lost.
        if (ourError.Contains("has no RDF form without the rdfDirection option", StringComparison.Ordinal) && RepeatsLexical(ourError, document))
        {
            return "directional string merged into a plain one by jsonld.js (API §7.2.2 step 4.2)";
        }

        // JSON-LD 1.1 API §4.2.2 step 11: a term definition's @protected must be true or false ("invalid @protected
        // value"); jsonld.js reads any other value as false.
        if (ourError.StartsWith(JsonLdErrorCodes.InvalidProtectedValue + ":", StringComparison.Ordinal))
        {
            return "term definition with a non-boolean @protected (API §4.2.2 step 11)";
        }

        // JSON-LD 1.1 API §4.2.2 step 4: a definition of @type may hold only "@container": "@set" and @protected;
        // anything else is "keyword redefinition". jsonld.js also lets "@id" through.
        if (ourError.StartsWith(JsonLdErrorCodes.KeywordRedefinition + ": @type may only get", StringComparison.Ordinal))
        {
            return "@type definition with @id (API §4.2.2 step 4)";
        }

        // JSON-LD 1.1 API §4.1.2 step 5.7.4: a relative @base without a base IRI is "invalid base IRI"; jsonld.js
        // takes it as the base.
        if (ourError.StartsWith(JsonLdErrorCodes.InvalidBaseIri + ":", StringComparison.Ordinal))
        {
            return "relative @base without a base IRI (API §4.1.2 step 5.7.4)";
        }

        // API §5.1.2 step 17 skips the @set/@list check when @type is a single string; jsonld.js then keeps the
        // entry and its Node Map Generation ignores it, dropping the nested content without a safe-mode event, where
        // §7.2.2 step 6.11 would map it. Safe mode exists so that nothing signed is silently dropped: we refuse.
        if (ourError.Contains(Expander.NodeWithSetOrList, StringComparison.Ordinal))
        {
            return "node object with @set or @list dropped by jsonld.js (API §5.1.2 step 17, §7.2.2 step 6.11)";
        }

        return null;
    }

    private static bool HasDefaultDirection(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(e => (e.Key == "@context" && ContextHasDirection(e.Value)) || HasDefaultDirection(e.Value)),
        JsonArray a => a.Any(HasDefaultDirection),
        _ => false,
    };

    private static bool ContextHasDirection(JsonNode? context) => context switch
    {
        JsonObject o => o["@direction"] is JsonValue || o.Any(e => e.Value is JsonObject d && ContextHasDirection(d["@context"])),
        JsonArray a => a.Any(ContextHasDirection),
        _ => false,
    };

    /// <summary>The string our error quotes appears more than once in the document (once with a direction).</summary>
    private static bool RepeatsLexical(string ourError, JsonNode document)
    {
        var start = ourError.IndexOf('"', StringComparison.Ordinal);
        var end = ourError.IndexOf("\" has no RDF form", StringComparison.Ordinal);
        if (start < 0 || end <= start)
        {
            return false;
        }

        var quoted = JsonValue.Create(ourError[(start + 1)..end]).ToJsonString();
        var text = document.ToJsonString();
        var first = text.IndexOf(quoted, StringComparison.Ordinal);
        return first >= 0 && text.IndexOf(quoted, first + 1, StringComparison.Ordinal) >= 0;
    }
}
