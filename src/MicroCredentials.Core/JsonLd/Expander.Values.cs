using JList = System.Collections.Generic.List<object?>;
using JMap = System.Collections.Generic.Dictionary<string, object?>;

namespace MicroCredentials.JsonLd;

internal sealed partial class Expander
{
    /// <summary>Value Expansion (§5.3.2).</summary>
    private JMap ExpandValue(ActiveContext active, string activeProperty, object? value, JsonPath? path)
    {
        var definition = active.Term(activeProperty);
        var typeMapping = definition?.TypeMapping;
        if (value is string s)
        {
            if (typeMapping == Keywords.Id)
            {
                return new JMap { [Keywords.Id] = ExpandId(active, s, path) };
            }

            if (typeMapping == Keywords.Vocab)
            {
                var iri = ContextProcessor.ExpandIri(active, s, true, true);
                if (safeMode && (iri is null || (!Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri))))
                {
                    throw new JsonLdException(JsonLdErrorCodes.RelativeIri, $"{s} does not expand to an absolute IRI", path?.ToString());
                }

                return new JMap { [Keywords.Id] = iri };
            }
        }

        var result = new JMap { [Keywords.Value] = value };
        if (typeMapping is not null and not Keywords.Id and not Keywords.Vocab and not Keywords.None)
        {
            result[Keywords.Type] = typeMapping;
        }
        else if (value is string)
        {
            var language = definition is { HasLanguage: true } ? definition.Language : active.DefaultLanguage;
            var direction = definition is { HasDirection: true } ? definition.Direction : active.DefaultDirection;
            if (language is not null)
            {
                result[Keywords.Language] = language;
            }

            if (direction is not null)
            {
                result[Keywords.Direction] = direction;
            }
        }

        return result;
    }

    /// <summary>Steps 15-20: validates and simplifies the expanded object.</summary>
    private object? Finish(ActiveContext active, string? activeProperty, JMap result, JsonPath? path)
    {
        object? final = result;
        if (result.TryGetValue(Keywords.Value, out var value))
        {
            foreach (var k in result.Keys)
            {
                if (k is not (Keywords.Direction or Keywords.Index or Keywords.Language or Keywords.Type or Keywords.Value))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidValueObject, $"a value object cannot contain {k}");
                }
            }

            var hasType = result.TryGetValue(Keywords.Type, out var type);
            if (hasType && (result.ContainsKey(Keywords.Language) || result.ContainsKey(Keywords.Direction)))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidValueObject, "a value object cannot have both @type and @language or @direction");
            }

            if (hasType && type is Keywords.Json)
            {
                // A JSON literal: any value.
            }
            else if (value is null || (value is JList { Count: 0 }))
            {
                Drop(path, "a value object with a null @value");
                return null;
            }
            else if (value is not string && result.ContainsKey(Keywords.Language))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidLanguageTaggedValue, "only strings can have a @language");
            }
            else if (hasType && (type is not string ts || !Iri.IsAbsolute(ts)))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTypedValue, "the @type of a value object must be an IRI");
            }
        }
        else if (safeMode && (result.ContainsKey(Keywords.Set) || result.ContainsKey(Keywords.List))
            && result.TryGetValue(Keywords.Type, out var single) && (single is not JList || ((JList)single).Count == 1))
        {
            // Step 17 skips the @set/@list check for a single @type (jsonld.js: also for a one-element array); jsonld.js
            // then drops the entry's content or trips over it, so in safe mode the object is refused.
            throw new JsonLdException(JsonLdErrorCodes.InvalidSetOrListObject, NodeWithSetOrList, path?.ToString());
        }
        else if (result.TryGetValue(Keywords.Type, out var types) && types is not JList)
        {
            result[Keywords.Type] = new JList { types };
        }
        else if (result.ContainsKey(Keywords.Set) || result.ContainsKey(Keywords.List))
        {
            if (result.Count > 2 || (result.Count == 2 && !result.ContainsKey(Keywords.Index)))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidSetOrListObject, "a @set or @list object can only have @index besides");
            }

            if (result.TryGetValue(Keywords.Set, out var set))
            {
                final = set;
            }
        }

        if (final is JMap m)
        {
            if (m.Count == 1 && m.ContainsKey(Keywords.Language))
            {
                Drop(path, "an object with only @language");
                return null;
            }

            // Step 19 (and jsonld.js for graph containers too): top-level empty, value, list and @id-only objects go.
            if ((activeProperty is null or Keywords.Graph || (active.Term(activeProperty) is { } definition && (definition.Container & Containers.Graph) != 0)) && IsDroppedAtTop(m))
            {
                Drop(path, "an empty object, a free-floating value or list, or an object with only @id");
                return null;
            }
        }

        return final;
    }

    /// <summary>The message of the safe-mode refusal of a node object that also has @set or @list.</summary>
    internal const string NodeWithSetOrList = "a node object cannot also have @set or @list";

    /// <summary>jsonld.js <c>_dropUnsafeObject</c>: empty, value, list, or only <c>@id</c>.</summary>
    private static bool IsDroppedAtTop(JMap m) =>
        m.Count == 0 || m.ContainsKey(Keywords.Value) || m.ContainsKey(Keywords.List) || (m.Count == 1 && m.ContainsKey(Keywords.Id));
}
