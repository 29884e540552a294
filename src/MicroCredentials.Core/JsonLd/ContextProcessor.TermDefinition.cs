using JList = System.Collections.Generic.List<object?>;
using JMap = System.Collections.Generic.Dictionary<string, object?>;

namespace MicroCredentials.JsonLd;

internal static partial class ContextProcessor
{
    /// <summary>
    /// Create Term Definition (JSON-LD 1.1 API §4.2.2). It recurses through IRI expansion into the terms a
    /// definition depends on, at most <see cref="CoreLimits.JsonLdMaxTermDefinitionDepth"/> deep.
    /// </summary>
    private static void CreateTermDefinition(DocumentLoader loader, ActiveContext active, string term, TermScope scope)
    {
        scope.Budget.EnterTerm(term);
        DefineTerm(loader, active, term, scope);
        scope.Budget.ExitTerm();
    }

    private static void DefineTerm(DocumentLoader loader, ActiveContext active, string term, TermScope scope)
    {
        // Step 1: done already, or a cycle.
        if (scope.Defined.TryGetValue(term, out var done))
        {
            if (done)
            {
                return;
            }

            throw new JsonLdException(JsonLdErrorCodes.CyclicIriMapping, $"term {term} depends on itself");
        }

        // Step 2.
        if (term.Length == 0)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, "the empty string is not a valid term");
        }

        scope.Defined[term] = false;
        var value = scope.Local[term];

        // Steps 4-5: keywords cannot be redefined, except @type's container and protection.
        if (term == Keywords.Type)
        {
            if (active.Is10)
            {
                throw new JsonLdException(JsonLdErrorCodes.KeywordRedefinition, "@type cannot be redefined in json-ld-1.0 mode");
            }

            if (value is not JMap tm || tm.Count == 0 || tm.Any(e => !(e.Key == Keywords.Container && e.Value is Keywords.Set) && e.Key != Keywords.Protected))
            {
                throw new JsonLdException(JsonLdErrorCodes.KeywordRedefinition, "@type may only get \"@container\": \"@set\" and @protected");
            }
        }
        else if (Keywords.IsKeyword(term))
        {
            throw new JsonLdException(JsonLdErrorCodes.KeywordRedefinition, $"{term} is a keyword");
        }
        else if (Keywords.HasKeywordForm(term))
        {
            // Reserved for future keywords: ignored (spec: SHOULD warn).
            scope.Defined[term] = true;
            return;
        }

        // Step 6.
        active.Terms.Remove(term, out var previous);

        // Steps 7-9.
        JMap map;
        var simple = false;
        switch (value)
        {
            case null:
                map = new JMap { [Keywords.Id] = null };
                break;
            case string s:
                map = new JMap { [Keywords.Id] = s };
                simple = true;
                break;
            case JMap m:
                map = m;
                break;
            default:
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, $"the definition of {term} must be a string, an object or null");
        }

        var definition = BuildDefinition(loader, active, term, map, simple, scope);
        if (definition is null)
        {
            scope.Defined[term] = true;
            return;
        }

        // Step 28: a protected term keeps its definition unless the new one is identical.
        if (!scope.OverrideProtected && previous is { Protected: true })
        {
            if (!definition.SameAs(previous))
            {
                throw new JsonLdException(JsonLdErrorCodes.ProtectedTermRedefinition, $"{term} is protected");
            }

            definition = previous;
        }

        active.Terms[term] = definition;
        scope.Defined[term] = true;
        if (active.Terms.Count > CoreLimits.JsonLdMaxActiveTerms)
        {
            throw new JsonLdException(JsonLdErrorCodes.ContextOverflow, $"the active context has more than {CoreLimits.JsonLdMaxActiveTerms} terms");
        }
    }

    /// <summary>Steps 10-27; <see langword="null"/> when the term is to be ignored.</summary>
    private static TermDefinition? BuildDefinition(DocumentLoader loader, ActiveContext active, string term, JMap value, bool simple, TermScope scope)
    {
        var is10 = active.Is10;
        var definition = new TermDefinition { Protected = scope.ProtectedDefault };

        // Step 11.
        if (value.TryGetValue(Keywords.Protected, out var prot))
        {
            if (is10)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, "@protected is not allowed in json-ld-1.0 mode");
            }

            definition.Protected = prot is bool pb ? pb : throw new JsonLdException(JsonLdErrorCodes.InvalidProtectedValue, "@protected must be true or false");
        }

        // Step 12: type mapping.
        if (value.TryGetValue(Keywords.Type, out var typeValue))
        {
            if (typeValue is not string ts)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTypeMapping, $"the @type of {term} must be a string");
            }

            var type = ExpandIri(loader, active, ts, documentRelative: false, vocab: true, scope);
            if (type is Keywords.Json or Keywords.None ? is10 : type is not (Keywords.Id or Keywords.Vocab) && (type is null || !Iri.IsAbsolute(type)))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTypeMapping, $"the @type of {term} is not an IRI, @id, @vocab, @json or @none");
            }

            definition.TypeMapping = type;
        }

        // Step 13: reverse properties.
        if (value.TryGetValue(Keywords.Reverse, out var reverse))
        {
            if (value.ContainsKey(Keywords.Id) || value.ContainsKey(Keywords.Nest))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidReverseProperty, $"{term} cannot have both @reverse and @id or @nest");
            }

            if (reverse is not string rs)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"the @reverse of {term} must be a string");
            }

            if (Keywords.HasKeywordForm(rs))
            {
                return null;
            }

            var iri = ExpandIri(loader, active, rs, documentRelative: false, vocab: true, scope);
            if (iri is null || (!Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri)))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"the @reverse of {term} is not an IRI");
            }

            definition.Iri = iri;
            if (value.TryGetValue(Keywords.Container, out var rc))
            {
                definition.Container = rc switch
                {
                    null => Containers.None,
                    Keywords.Set => Containers.Set,
                    Keywords.Index => Containers.Index,
                    _ => throw new JsonLdException(JsonLdErrorCodes.InvalidReverseProperty, $"the @container of reverse property {term} must be @set, @index or null"),
                };
            }

            definition.Reverse = true;
            ApplyIndex(loader, active, term, value, definition, scope, is10);
            ApplyTail(loader, active, term, value, definition, scope, is10);
            return definition;
        }

        // Steps 15-19: IRI mapping.
        if (!MapIri(loader, active, term, value, simple, definition, scope))
        {
            return null;
        }

        // Step 20: container mapping.
        if (value.TryGetValue(Keywords.Container, out var container))
        {
            definition.Container = ParseContainer(container, is10, term);
            if ((definition.Container & Containers.Type) != 0)
            {
                definition.TypeMapping ??= Keywords.Id;
                if (definition.TypeMapping is not (Keywords.Id or Keywords.Vocab))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidTypeMapping, $"a @type container needs a @type of @id or @vocab ({term})");
                }
            }
        }

        ApplyIndex(loader, active, term, value, definition, scope, is10);

        ApplyTail(loader, active, term, value, definition, scope, is10);

        // Step 26: @prefix.
        if (value.TryGetValue(Keywords.Prefix, out var prefix))
        {
            if (is10 || term.Contains(':', StringComparison.Ordinal) || term.Contains('/', StringComparison.Ordinal))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, $"@prefix is not allowed on {term}");
            }

            definition.Prefix = prefix is bool b ? b : throw new JsonLdException(JsonLdErrorCodes.InvalidPrefixValue, "@prefix must be true or false");
            if (definition.Prefix && Keywords.IsKeyword(definition.Iri))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, $"keyword alias {term} cannot be a prefix");
            }
        }

        // Step 27.
        foreach (var key in value.Keys)
        {
            if (key is not (Keywords.Id or Keywords.Reverse or Keywords.Container or Keywords.Context or Keywords.Direction
                or Keywords.Index or Keywords.Language or Keywords.Nest or Keywords.Prefix or Keywords.Protected or Keywords.Type))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, $"{key} is not allowed in the definition of {term}");
            }
        }

        return definition;
    }

    /// <summary>Step 21: index mapping (also applied to reverse properties, as jsonld.js does).</summary>
    private static void ApplyIndex(DocumentLoader loader, ActiveContext active, string term, JMap value, TermDefinition definition, TermScope scope, bool is10)
    {
        if (value.TryGetValue(Keywords.Index, out var index))
        {
            if (is10 || (definition.Container & Containers.Index) == 0 || index is not string ix)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, $"@index on {term} needs an @index container and a string");
            }

            var expandedIndex = ExpandIri(loader, active, ix, documentRelative: false, vocab: true, scope);
            if (expandedIndex is null || Keywords.IsKeyword(expandedIndex) || !Iri.IsAbsolute(expandedIndex))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, $"the @index of {term} must expand to an IRI");
            }

            definition.Index = ix;
        }
    }

    /// <summary>Steps 22-25: scoped context, language, direction, nest.</summary>
    private static void ApplyTail(DocumentLoader loader, ActiveContext active, string term, JMap value, TermDefinition definition, TermScope scope, bool is10)
    {
        if (value.TryGetValue(Keywords.Context, out var scoped))
        {
            if (is10)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, "scoped contexts are not allowed in json-ld-1.0 mode");
            }

            try
            {
                Process(loader, scope.Budget, active, scoped, scope.BaseUrl, scope.Remote, overrideProtected: true, propagate: true, validateScoped: false);
            }
            catch (JsonLdException e) when (e.ErrorCode != JsonLdErrorCodes.ContextOverflow)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidScopedContext, $"the scoped context of {term} is invalid: {e.Message}");
            }

            definition.HasContext = true;
            definition.Context = scoped;
            definition.BaseUrl = scope.BaseUrl;
        }

        if (value.TryGetValue(Keywords.Language, out var language) && !value.ContainsKey(Keywords.Type))
        {
            definition.HasLanguage = true;
            definition.Language = language switch
            {
                null => null,
                string l => l.ToLowerInvariant(),
                _ => throw new JsonLdException(JsonLdErrorCodes.InvalidLanguageMapping, $"the @language of {term} must be a string or null"),
            };
        }

        if (value.TryGetValue(Keywords.Direction, out var direction) && !value.ContainsKey(Keywords.Type))
        {
            definition.HasDirection = true;
            definition.Direction = direction switch
            {
                null => null,
                "ltr" or "rtl" => (string)direction,
                _ => throw new JsonLdException(JsonLdErrorCodes.InvalidBaseDirection, $"the @direction of {term} must be ltr, rtl or null"),
            };
        }

        if (value.TryGetValue(Keywords.Nest, out var nest))
        {
            if (is10)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidTermDefinition, "@nest is not allowed in json-ld-1.0 mode");
            }

            if (nest is not string ns || (Keywords.IsKeyword(ns) && ns != Keywords.Nest))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidNestValue, $"the @nest of {term} must be a term or @nest");
            }

            definition.Nest = ns;
        }
    }
}
