using JList = System.Collections.Generic.List<object?>;
using JMap = System.Collections.Generic.Dictionary<string, object?>;

namespace MicroCredentials.JsonLd;

internal sealed partial class Expander
{
    /// <summary>Steps 13-14: expands every entry of <paramref name="element"/> into <paramref name="result"/>.</summary>
    private void ExpandEntries(ActiveContext active, ActiveContext typeScoped, string? activeProperty, JMap element, JMap result, string? inputType, string? baseUrl, JsonPath? path)
    {
        List<string>? nests = null;
        foreach (var (key, value) in element)
        {
            if (key == Keywords.Context)
            {
                continue;
            }

            var keyPath = path?.Key(key);
            var expandedProperty = ContextProcessor.ExpandIri(active, key, false, true);
            // Framing keywords are keywords too (jsonld.js expands their value and ignores it): no triples, no error.
            var framing = expandedProperty is null && Keywords.IsFramingKeyword(key);
            if (framing)
            {
                expandedProperty = key;
            }

            // Step 13.3: keys that expand to neither an IRI nor a keyword are dropped.
            if (expandedProperty is null || (!framing && !expandedProperty.Contains(':', StringComparison.Ordinal) && !Keywords.IsKeyword(expandedProperty)))
            {
                if (safeMode)
                {
                    throw new JsonLdException(JsonLdErrorCodes.UndefinedTerm, $"Undefined JSON-LD term: {key}", keyPath!.ToString());
                }

                continue;
            }

            if (framing || Keywords.IsKeyword(expandedProperty))
            {
                if (expandedProperty == Keywords.Nest)
                {
                    (nests ??= []).Add(key);
                    if (activeProperty == Keywords.Reverse)
                    {
                        throw new JsonLdException(JsonLdErrorCodes.InvalidReversePropertyMap, "keywords are not allowed in a reverse property map");
                    }

                    continue;
                }

                ExpandKeyword(active, typeScoped, activeProperty, key, expandedProperty, value, result, inputType, baseUrl, keyPath);
                continue;
            }

            if (safeMode && !Iri.IsAbsolute(expandedProperty) && !Iri.IsBlankNode(expandedProperty))
            {
                throw new JsonLdException(JsonLdErrorCodes.UndefinedTerm, $"Undefined JSON-LD term: {key} (expands to {expandedProperty})", keyPath!.ToString());
            }

            ExpandProperty(active, key, expandedProperty, value, result, baseUrl, keyPath);
        }

        // Step 14: nested properties.
        if (nests is null)
        {
            return;
        }

        foreach (var nestingKey in nests)
        {
            var nestPath = path?.Key(nestingKey);
            var nestedValues = JsonModel.AsList(element[nestingKey]);
            for (var i = 0; i < nestedValues.Count; i++)
            {
                if (nestedValues[i] is not JMap nested || nested.Keys.Any(k => ContextProcessor.ExpandIri(active, k, false, true) == Keywords.Value))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidNestValue, "@nest values must be node objects");
                }

                // The nesting key's property-scoped context applies to the nested properties.
                var nestActive = active.Term(nestingKey) is { HasContext: true } nestDefinition
                    ? ContextProcessor.ProcessScoped(loader, budget, active, nestDefinition, overrideProtected: true, propagate: true)
                    : active;
                ExpandEntries(nestActive, typeScoped, activeProperty, nested, result, inputType, baseUrl, nestPath?.Index(i));
            }
        }
    }

    /// <summary>Steps 13.5-13.14: a property that is not a keyword.</summary>
    private void ExpandProperty(ActiveContext active, string key, string expandedProperty, object? value, JMap result, string? baseUrl, JsonPath? path)
    {
        var definition = active.Term(key);
        var container = definition?.Container ?? Containers.None;
        object? expanded;
        if (definition?.TypeMapping == Keywords.Json)
        {
            expanded = new JMap { [Keywords.Value] = value, [Keywords.Type] = Keywords.Json };
        }
        else if ((container & Containers.Language) != 0 && value is JMap languageMap)
        {
            expanded = ExpandLanguageMap(active, definition!, languageMap);
        }
        else if ((container & (Containers.Index | Containers.Type | Containers.Id)) != 0 && value is JMap indexMap)
        {
            expanded = ExpandIndexMap(active, key, definition!, indexMap, baseUrl, path);
        }
        else
        {
            expanded = Expand(active, key, value, baseUrl, false, path);
        }

        // Step 13.10.
        if (expanded is null)
        {
            return;
        }

        // Step 13.11.
        if ((container & Containers.List) != 0 && !(expanded is JMap lm && lm.ContainsKey(Keywords.List)))
        {
            expanded = new JMap { [Keywords.List] = JsonModel.AsList(expanded) };
        }

        // Step 13.12: graph containers wrap each value in a graph object.
        if ((container & Containers.Graph) != 0 && (container & (Containers.Id | Containers.Index)) == 0)
        {
            var items = JsonModel.AsList(expanded);
            var graphs = new JList(items.Count);
            foreach (var item in items)
            {
                if (item is JMap im && IsDroppedAtTop(im))
                {
                    Drop(path, "a value, list or @id-only object as a graph");
                    continue;
                }

                graphs.Add(new JMap { [Keywords.Graph] = JsonModel.AsList(item) });
            }

            if (graphs.Count == 0)
            {
                return;
            }

            expanded = graphs;
        }

        // Step 13.13: reverse properties.
        if (definition is { Reverse: true })
        {
            var reverseMap = GetOrAddMap(result, Keywords.Reverse);
            foreach (var item in JsonModel.AsList(expanded))
            {
                if (item is JMap im && (im.ContainsKey(Keywords.Value) || im.ContainsKey(Keywords.List)))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidReversePropertyValue, $"{key} is a reverse property; its values must be node objects");
                }

                AddValue(reverseMap, expandedProperty, item);
            }

            return;
        }

        AddValue(result, expandedProperty, expanded);
    }

    private static JList ExpandLanguageMap(ActiveContext active, TermDefinition definition, JMap languageMap)
    {
        var expanded = new JList();
        var direction = definition.HasDirection ? definition.Direction : active.DefaultDirection;
        foreach (var (language, languageValue) in languageMap)
        {
            var isNone = language == Keywords.None || ContextProcessor.ExpandIri(active, language, false, true) == Keywords.None;
            foreach (var item in JsonModel.AsList(languageValue))
            {
                if (item is null)
                {
                    continue;
                }

                if (item is not string)
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidLanguageMapValue, "language map values must be strings");
                }

                var v = new JMap { [Keywords.Value] = item };
                if (!isNone)
                {
                    v[Keywords.Language] = language.ToLowerInvariant();
                }

                if (direction is not null)
                {
                    v[Keywords.Direction] = direction;
                }

                expanded.Add(v);
            }
        }

        return expanded;
    }

    /// <summary>Step 13.8: index, id and type maps.</summary>
    private JList ExpandIndexMap(ActiveContext active, string key, TermDefinition definition, JMap map, string? baseUrl, JsonPath? path)
    {
        var expanded = new JList();
        var container = definition.Container;
        var indexKey = definition.Index ?? Keywords.Index;
        foreach (var (index, indexValue) in map)
        {
            var mapContext = (container & (Containers.Id | Containers.Type)) != 0 ? active.PreviousContext ?? active : active;
            if ((container & Containers.Type) != 0 && mapContext.Term(index) is { HasContext: true } indexDefinition)
            {
                mapContext = ContextProcessor.ProcessScoped(loader, budget, mapContext, indexDefinition, overrideProtected: false, propagate: true);
            }

            var expandedIndex = ContextProcessor.ExpandIri(active, index, false, true);
            var items = Expand(mapContext, key, JsonModel.AsList(indexValue), baseUrl, true, path?.Key(index));
            foreach (var raw in JsonModel.AsList(items))
            {
                if (raw is not JMap item)
                {
                    continue;
                }

                var current = item;
                if ((container & Containers.Graph) != 0 && !IsGraphObject(current))
                {
                    current = new JMap { [Keywords.Graph] = new JList { current } };
                }

                if ((container & Containers.Index) != 0 && indexKey != Keywords.Index && expandedIndex != Keywords.None)
                {
                    var reExpanded = ExpandValue(active, indexKey, index, path);
                    var expandedIndexKey = ContextProcessor.ExpandIri(active, indexKey, false, true)!;
                    var values = new JList { reExpanded };
                    if (current.TryGetValue(expandedIndexKey, out var existing))
                    {
                        values.AddRange(JsonModel.AsList(existing));
                    }

                    current[expandedIndexKey] = values;
                    if (current.ContainsKey(Keywords.Value))
                    {
                        throw new JsonLdException(JsonLdErrorCodes.InvalidValueObject, "a value object in a property-valued index map cannot take the index property");
                    }
                }
                else if ((container & Containers.Index) != 0 && !current.ContainsKey(Keywords.Index) && expandedIndex != Keywords.None)
                {
                    current[Keywords.Index] = index;
                }
                else if ((container & Containers.Id) != 0 && !current.ContainsKey(Keywords.Id) && expandedIndex != Keywords.None)
                {
                    current[Keywords.Id] = ExpandId(active, index, path?.Key(index));
                }
                else if ((container & Containers.Type) != 0 && expandedIndex != Keywords.None)
                {
                    var types = new JList { expandedIndex };
                    if (current.TryGetValue(Keywords.Type, out var existing))
                    {
                        types.AddRange(JsonModel.AsList(existing));
                    }

                    current[Keywords.Type] = types;
                }

                expanded.Add(current);
            }
        }

        return expanded;
    }

    private static bool IsGraphObject(JMap m)
    {
        if (!m.ContainsKey(Keywords.Graph))
        {
            return false;
        }

        foreach (var k in m.Keys)
        {
            if (k is not (Keywords.Graph or Keywords.Id or Keywords.Index))
            {
                return false;
            }
        }

        return true;
    }

    private static JMap GetOrAddMap(JMap map, string key)
    {
        if (map.TryGetValue(key, out var existing) && existing is JMap m)
        {
            return m;
        }

        var created = new JMap(StringComparer.Ordinal);
        map[key] = created;
        return created;
    }

    /// <summary>Add value with <c>as array</c> true (§5.1.2 / API §4 "add value").</summary>
    private static void AddValue(JMap map, string key, object? value)
    {
        if (!map.TryGetValue(key, out var existing) || existing is not JList list)
        {
            list = existing is null && !map.ContainsKey(key) ? [] : [existing];
            map[key] = list;
        }

        if (value is JList values)
        {
            list.AddRange(values);
        }
        else
        {
            list.Add(value);
        }
    }
}
