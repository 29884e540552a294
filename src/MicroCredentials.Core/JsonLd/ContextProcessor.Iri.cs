namespace MicroCredentials.JsonLd;

internal static partial class ContextProcessor
{
    /// <summary>
    /// IRI Expansion (JSON-LD 1.1 API §5.2.2) on a finished context, with the vocabulary-relative, not
    /// document-relative case (property keys) cached on the context.
    /// </summary>
    public static string? ExpandIri(ActiveContext active, string? value, bool documentRelative, bool vocab)
    {
        if (value is null)
        {
            return null;
        }

        if (vocab && !documentRelative)
        {
            var cache = active.VocabIris;
            if (cache.TryGetValue(value, out var hit))
            {
                return hit;
            }

            var expanded = ExpandIri(null!, active, value, false, true, null);

            // Bounded: keys come from untrusted documents on a verification host.
            if (cache.Count < CoreLimits.JsonLdMaxCachedIris && value.Length <= CoreLimits.JsonLdMaxCachedIriLength)
            {
                cache.TryAdd(value, expanded);
            }

            return expanded;
        }

        return ExpandIri(null!, active, value, documentRelative, vocab, null);
    }

    /// <summary>IRI Expansion (§5.2.2); with a <paramref name="scope"/>, terms of the local context are defined on demand.</summary>
    private static string? ExpandIri(DocumentLoader loader, ActiveContext active, string? value, bool documentRelative, bool vocab, TermScope? scope)
    {
        // Steps 1-2.
        if (value is null || Keywords.IsKeyword(value))
        {
            return value;
        }

        if (Keywords.HasKeywordForm(value))
        {
            return null;
        }

        // Step 3: define the term first if the local context being processed defines it.
        if (scope is not null && scope.Local.ContainsKey(value) && !(scope.Defined.TryGetValue(value, out var d) && d))
        {
            CreateTermDefinition(loader, active, value, scope);
        }

        // Steps 4-5.
        if (active.Terms.TryGetValue(value, out var term))
        {
            if (Keywords.IsKeyword(term.Iri))
            {
                return term.Iri;
            }

            if (vocab)
            {
                return term.Iri;
            }
        }

        // Step 6: IRI, compact IRI or blank node identifier.
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var prefix = value[..colon];
            if (prefix == "_" || string.CompareOrdinal(value, colon + 1, "//", 0, 2) == 0)
            {
                return value;
            }

            if (scope is not null && scope.Local.ContainsKey(prefix) && !(scope.Defined.TryGetValue(prefix, out var pd) && pd))
            {
                CreateTermDefinition(loader, active, prefix, scope);
            }

            if (active.Terms.TryGetValue(prefix, out var prefixTerm) && prefixTerm.Iri is not null && prefixTerm.Prefix)
            {
                return string.Concat(prefixTerm.Iri, value.AsSpan(colon + 1));
            }

            if (Iri.IsAbsolute(value))
            {
                return value;
            }
        }

        // Steps 7-9.
        if (vocab && active.Vocab is not null)
        {
            return active.Vocab + value;
        }

        if (documentRelative)
        {
            return Iri.Resolve(active.BaseIri, value);
        }

        return value;
    }
}
