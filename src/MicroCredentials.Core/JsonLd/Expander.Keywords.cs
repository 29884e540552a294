using JList = System.Collections.Generic.List<object?>;
using JMap = System.Collections.Generic.Dictionary<string, object?>;

namespace MicroCredentials.JsonLd;

internal sealed partial class Expander
{
    /// <summary>Step 13.4: an entry whose key expands to a keyword.</summary>
    private void ExpandKeyword(ActiveContext active, ActiveContext typeScoped, string? activeProperty, string key, string keyword, object? value, JMap result, string? inputType, string? baseUrl, JsonPath? path)
    {
        if (activeProperty == Keywords.Reverse)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidReversePropertyMap, "keywords are not allowed in a reverse property map");
        }

        if (result.ContainsKey(keyword) && keyword is not (Keywords.Included or Keywords.Type))
        {
            throw new JsonLdException(JsonLdErrorCodes.CollidingKeywords, $"{keyword} appears more than once ({key})");
        }

        object? expanded;
        switch (keyword)
        {
            case Keywords.Id:
                if (value is not string id)
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidIdValue, "@id must be a string");
                }

                // A keyword-like @id expands to null and is kept as null (it produces no triples).
                result[Keywords.Id] = ExpandId(active, id, path);
                return;

            case Keywords.Type:
                expanded = ExpandTypes(typeScoped, value, result, path);
                break;

            case Keywords.Graph:
                if (safeMode && value is not (JMap or JList))
                {
                    // jsonld.js: "invalid @graph value"; a scalar or null graph would vanish.
                    throw new JsonLdException(JsonLdErrorCodes.InvalidGraphValue, "@graph must be an object or an array", path?.ToString());
                }

                expanded = JsonModel.AsList(Expand(active, Keywords.Graph, value, baseUrl, false, path) ?? new JList());
                break;

            case Keywords.Included:
            {
                if (active.Is10)
                {
                    return;
                }

                // Step 13.4.6.2: expanded with the enclosing active property; null is no node object.
                var included = JsonModel.AsList(Expand(active, activeProperty, value, baseUrl, false, path)
                    ?? throw new JsonLdException(JsonLdErrorCodes.InvalidIncludedValue, "@included must expand to node objects"));
                foreach (var item in included)
                {
                    // A node object, not a value, list or set object, nor a bare node reference (jsonld.js isSubject).
                    if (item is not JMap node || node.ContainsKey(Keywords.Value) || node.ContainsKey(Keywords.List) || node.ContainsKey(Keywords.Set)
                        || (node.Count == 1 && node.ContainsKey(Keywords.Id)))
                    {
                        throw new JsonLdException(JsonLdErrorCodes.InvalidIncludedValue, "@included values must be node objects");
                    }
                }

                if (result.TryGetValue(Keywords.Included, out var previous) && previous is JList previousList)
                {
                    previousList.AddRange(included);
                    return;
                }

                expanded = included;
                break;
            }

            case Keywords.Value:
                if (inputType == Keywords.Json)
                {
                    if (active.Is10)
                    {
                        throw new JsonLdException(JsonLdErrorCodes.InvalidValueObjectValue, "@json is not allowed in json-ld-1.0 mode");
                    }
                }
                else if (value is not null && !JsonModel.IsScalar(value))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidValueObjectValue, "@value must be a string, number, boolean or null");
                }

                result[Keywords.Value] = value;
                return;

            case Keywords.Language:
                if (value is null)
                {
                    // jsonld.js: a null @language is no entry at all.
                    return;
                }

                if (value is not string language)
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidLanguageTaggedString, "@language must be a string");
                }

                if (safeMode && !RdfSerializer.IsWellFormedLanguage(language))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidLanguageTaggedString, $"@language {language} is not a well-formed language tag", path?.ToString());
                }

                expanded = language.ToLowerInvariant();
                break;

            case Keywords.Direction:
                if (active.Is10)
                {
                    return;
                }

                if (value is not ("ltr" or "rtl"))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidBaseDirection, "@direction must be \"ltr\" or \"rtl\"");
                }

                expanded = value;
                break;

            case Keywords.Index:
                if (value is not string)
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidIndexValue, "@index must be a string");
                }

                expanded = value;
                break;

            case Keywords.List:
                if (value is null)
                {
                    // Expands to null: no entry (jsonld.js does the same).
                    return;
                }

                if (activeProperty is null or Keywords.Graph)
                {
                    Drop(path, "a free-floating list");
                    return;
                }

                expanded = JsonModel.AsList(Expand(active, activeProperty, value, baseUrl, false, path, insideList: true) ?? new JList());
                break;

            case Keywords.Set:
                expanded = Expand(active, activeProperty, value, baseUrl, false, path);
                break;

            case Keywords.Reverse:
                ExpandReverse(active, value, result, baseUrl, path);
                return;

            case Keywords.Propagate or Keywords.Import:
                // Context-only keywords are no keywords in a node object (jsonld.js: "invalid property").
                if (safeMode)
                {
                    throw new JsonLdException(JsonLdErrorCodes.UndefinedTerm, $"{key} is not allowed outside a context", path?.ToString());
                }

                return;

            default:
                // Other keywords (@base, @vocab, @container, @protected, framing keywords …) mean nothing in a node
                // object: as in jsonld.js their value is expanded (so whatever it holds is checked) and kept, and
                // Node Map Generation then ignores it, so it yields no triples.
                expanded = Expand(active, keyword, value, baseUrl, false, path);
                if (expanded is not null)
                {
                    result[keyword] = JsonModel.AsList(expanded);
                }

                return;
        }

        if (expanded is not null)
        {
            result[keyword] = expanded;
        }
    }

    private object? ExpandTypes(ActiveContext typeScoped, object? value, JMap result, JsonPath? path)
    {
        object? expanded;
        if (value is string single)
        {
            expanded = ExpandType(typeScoped, single, path);
        }
        else if (value is JList list && list.TrueForAll(v => v is string))
        {
            var types = new JList(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                var t = ExpandType(typeScoped, (string)list[i]!, path?.Index(i));
                if (t is not null)
                {
                    types.Add(t);
                }
            }

            expanded = types;
        }
        else
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidTypeValue, "@type must be a string or an array of strings");
        }

        if (result.TryGetValue(Keywords.Type, out var previous))
        {
            var merged = JsonModel.AsList(previous);
            merged = [.. merged];
            merged.AddRange(JsonModel.AsList(expanded));
            return merged;
        }

        return expanded;
    }

    private string? ExpandType(ActiveContext typeScoped, string type, JsonPath? path)
    {
        var expanded = ContextProcessor.ExpandIri(typeScoped, type, true, true);
        if (safeMode && (expanded is null || (!Iri.IsAbsolute(expanded) && !Iri.IsBlankNode(expanded) && expanded != Keywords.Json && expanded != Keywords.None)))
        {
            throw new JsonLdException(JsonLdErrorCodes.UndefinedTerm, $"Undefined JSON-LD term: {type} (@type value)", path!.ToString());
        }

        return expanded;
    }

    private string? ExpandId(ActiveContext active, string id, JsonPath? path)
    {
        var expanded = ContextProcessor.ExpandIri(active, id, true, false);
        if (safeMode && (expanded is null || (!Iri.IsAbsolute(expanded) && !Iri.IsBlankNode(expanded))))
        {
            throw new JsonLdException(JsonLdErrorCodes.RelativeIri, $"@id {id} is not an absolute IRI or blank node identifier", path!.ToString());
        }

        return expanded;
    }

    /// <summary>Step 13.4.13: <c>@reverse</c>.</summary>
    private void ExpandReverse(ActiveContext active, object? value, JMap result, string? baseUrl, JsonPath? path)
    {
        if (value is not JMap)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidReverseValue, "@reverse must be an object");
        }

        if (Expand(active, Keywords.Reverse, value, baseUrl, false, path) is not JMap expanded)
        {
            return;
        }

        if (expanded.TryGetValue(Keywords.Reverse, out var doubleReversed) && doubleReversed is JMap dr)
        {
            foreach (var (property, items) in dr)
            {
                AddValue(result, property, items);
            }
        }

        foreach (var (property, items) in expanded)
        {
            if (property == Keywords.Reverse)
            {
                continue;
            }

            var reverseMap = GetOrAddMap(result, Keywords.Reverse);
            foreach (var item in JsonModel.AsList(items))
            {
                if (item is JMap im && (im.ContainsKey(Keywords.Value) || im.ContainsKey(Keywords.List)))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidReversePropertyValue, "reverse property values must be node objects");
                }

                AddValue(reverseMap, property, item);
            }
        }
    }
}
