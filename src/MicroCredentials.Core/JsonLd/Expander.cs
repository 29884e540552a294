using JList = System.Collections.Generic.List<object?>;
using JMap = System.Collections.Generic.Dictionary<string, object?>;

namespace MicroCredentials.JsonLd;

/// <summary>
/// Expansion Algorithm (JSON-LD 1.1 API §5.1.2), for one call. In safe mode it tracks JSON paths and raises
/// instead of dropping anything.
/// </summary>
internal sealed partial class Expander(DocumentLoader loader, ProcessingBudget budget, bool safeMode)
{
    private readonly DocumentLoader loader = loader;
    private readonly ProcessingBudget budget = budget;
    private readonly bool safeMode = safeMode;

    /// <summary>Objects and arrays entered (bounded by <see cref="CoreLimits.JsonLdMaxNestingDepth"/>).</summary>
    private int depth;

    /// <summary>Expands a whole document and applies the API's final steps (§9.3 <c>expand()</c>, steps 8.x).</summary>
    public JList ExpandDocument(ActiveContext active, object? document, string? baseUrl)
    {
        var expanded = Expand(active, null, document, baseUrl, false, safeMode ? JsonPath.Root : null);
        if (expanded is JMap m && m.Count == 1 && m.TryGetValue(Keywords.Graph, out var graph))
        {
            expanded = graph;
        }

        return expanded switch
        {
            null => [],
            JList l => l,
            _ => [expanded],
        };
    }

    private object? Expand(ActiveContext active, string? activeProperty, object? element, string? baseUrl, bool fromMap, JsonPath? path, bool insideList = false)
    {
        // Step 1.
        if (element is null)
        {
            return null;
        }

        // Step 3: property-scoped context.
        var propertyDefinition = active.Term(activeProperty);
        var propertyScoped = propertyDefinition is { HasContext: true } ? propertyDefinition : null;

        // Step 4: scalars.
        if (element is not JMap && element is not JList)
        {
            if (activeProperty is null or Keywords.Graph)
            {
                Drop(path, "a free-floating value");
                return null;
            }

            if (propertyScoped is not null)
            {
                active = ContextProcessor.ProcessScoped(loader, budget, active, propertyScoped, overrideProtected: true, propagate: true);
            }

            return ExpandValue(active, activeProperty, element, path);
        }

        if (++depth > CoreLimits.JsonLdMaxNestingDepth)
        {
            ProcessingBudget.CheckNesting(depth, path?.ToString());
        }

        var expanded = element is JList list
            ? ExpandArray(active, activeProperty, propertyDefinition, list, baseUrl, fromMap, path, insideList)
            : ExpandObject(active, activeProperty, (JMap)element, baseUrl, fromMap, propertyScoped, path);
        depth--;
        return expanded;
    }

    /// <summary>Step 5: arrays; inside a list (a @list container or a @list entry) a nested array is a nested list.</summary>
    private JList ExpandArray(ActiveContext active, string? activeProperty, TermDefinition? propertyDefinition, JList list, string? baseUrl, bool fromMap, JsonPath? path, bool insideList)
    {
        var result = new JList(list.Count);
        var isList = insideList || (propertyDefinition is not null && (propertyDefinition.Container & Containers.List) != 0);
        for (var i = 0; i < list.Count; i++)
        {
            var item = Expand(active, activeProperty, list[i], baseUrl, fromMap, path?.Index(i), isList);
            if (isList && item is JList nested)
            {
                item = new JMap { [Keywords.List] = nested };
            }

            if (item is JList items)
            {
                result.AddRange(items);
            }
            else if (item is not null)
            {
                result.Add(item);
            }
        }

        return result;
    }

    private object? ExpandObject(ActiveContext active, string? activeProperty, JMap element, string? baseUrl, bool fromMap, TermDefinition? propertyScoped, JsonPath? path)
    {
        // Step 7: a type-scoped context does not apply inside new node objects.
        if (active.PreviousContext is not null && !fromMap && !KeepsTypeScope(active, element))
        {
            active = active.PreviousContext;
        }

        // Step 8: property-scoped context.
        if (propertyScoped is not null)
        {
            active = ContextProcessor.ProcessScoped(loader, budget, active, propertyScoped, overrideProtected: true, propagate: true);
        }

        // Step 9: embedded context.
        if (element.TryGetValue(Keywords.Context, out var localContext))
        {
            active = ContextProcessor.Process(loader, budget, active, localContext, baseUrl);
        }

        // Steps 10-11: type-scoped contexts, in lexicographic order of the type terms.
        var typeScoped = active;
        string? typeKey = null;
        foreach (var key in element.Keys)
        {
            if (ContextProcessor.ExpandIri(active, key, false, true) == Keywords.Type
                && (typeKey is null || string.CompareOrdinal(key, typeKey) < 0))
            {
                typeKey = key;
            }
        }

        string? inputType = null;
        if (typeKey is not null)
        {
            active = ApplyTypeScopedContexts(active, typeScoped, element);

            // Step 12: input type is the last value of the first @type entry.
            var types = element[typeKey];
            var last = types is JList tl ? (tl.Count > 0 ? tl[^1] : null) : types;
            if (last is string ls)
            {
                inputType = ContextProcessor.ExpandIri(active, ls, false, true);
            }
        }

        var result = new JMap(StringComparer.Ordinal);
        ExpandEntries(active, typeScoped, activeProperty, element, result, inputType, baseUrl, path);
        return Finish(active, activeProperty, result, path);
    }

    private ActiveContext ApplyTypeScopedContexts(ActiveContext active, ActiveContext typeScoped, JMap element)
    {
        List<string>? keys = null;
        foreach (var key in element.Keys)
        {
            if (ContextProcessor.ExpandIri(typeScoped, key, false, true) == Keywords.Type)
            {
                (keys ??= []).Add(key);
            }
        }

        if (keys is null)
        {
            return active;
        }

        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var value = element[key];
            if (value is string single)
            {
                active = ApplyTypeScopedContext(active, typeScoped, single);
                continue;
            }

            if (value is JList values)
            {
                var terms = new List<string>(values.Count);
                foreach (var v in values)
                {
                    if (v is string s)
                    {
                        terms.Add(s);
                    }
                }

                terms.Sort(StringComparer.Ordinal);
                foreach (var term in terms)
                {
                    active = ApplyTypeScopedContext(active, typeScoped, term);
                }
            }
        }

        return active;
    }

    private ActiveContext ApplyTypeScopedContext(ActiveContext active, ActiveContext typeScoped, string term) =>
        typeScoped.Term(term) is { HasContext: true } definition
            ? ContextProcessor.ProcessScoped(loader, budget, active, definition, overrideProtected: false, propagate: false)
            : active;

    /// <summary>Step 7: a value object or a lone node reference keeps the type-scoped context.</summary>
    private static bool KeepsTypeScope(ActiveContext active, JMap element)
    {
        foreach (var key in element.Keys)
        {
            var expanded = ContextProcessor.ExpandIri(active, key, false, true);
            if (expanded == Keywords.Value)
            {
                return true;
            }

            if (element.Count == 1 && expanded == Keywords.Id)
            {
                return true;
            }
        }

        return false;
    }

    private void Drop(JsonPath? path, string what)
    {
        if (safeMode)
        {
            throw new JsonLdException(JsonLdErrorCodes.DroppedValue, $"{what} would be dropped from the expanded document", path?.ToString());
        }
    }
}
