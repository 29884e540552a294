using JList = System.Collections.Generic.List<object?>;
using JMap = System.Collections.Generic.Dictionary<string, object?>;

namespace MicroCredentials.JsonLd;

internal static partial class ContextProcessor
{
    /// <summary>Steps 14-19; false when the term is to be ignored.</summary>
    private static bool MapIri(DocumentLoader loader, ActiveContext active, string term, JMap value, bool simple, TermDefinition definition, TermScope scope)
    {
        if (value.TryGetValue(Keywords.Id, out var id) && !(id is string same && same == term))
        {
            if (id is null)
            {
                definition.Iri = null;
                return true;
            }

            if (id is not string ids)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"the @id of {term} must be a string");
            }

            if (!Keywords.IsKeyword(ids) && Keywords.HasKeywordForm(ids))
            {
                return false;
            }

            var iri = ExpandIri(loader, active, ids, documentRelative: false, vocab: true, scope);
            if (iri is null || (!Keywords.IsKeyword(iri) && !Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri)))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"the @id of {term} is not an IRI, blank node or keyword");
            }

            if (iri == Keywords.Context)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidKeywordAlias, "@context cannot be aliased");
            }

            definition.Iri = iri;
            var colon = term.IndexOf(':', 1);
            if ((colon > 0 && colon < term.Length - 1) || term.Contains('/', StringComparison.Ordinal))
            {
                // Step 15.2.4: a term that looks like an IRI must expand to the IRI it maps to.
                scope.Defined[term] = true;
                if (ExpandIri(loader, active, term, documentRelative: false, vocab: true, scope) != iri)
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"{term} looks like an IRI but maps to a different one");
                }
            }

            if (!term.Contains(':', StringComparison.Ordinal) && !term.Contains('/', StringComparison.Ordinal) && simple
                && (Iri.IsBlankNode(iri) || (iri.Length > 0 && iri[^1] is ':' or '/' or '?' or '#' or '[' or ']' or '@')))
            {
                definition.Prefix = true;
            }

            return true;
        }

        var c = term.IndexOf(':', 1);
        if (c > 0)
        {
            // Step 16: a compact IRI or an IRI.
            var prefix = term[..c];
            if (scope.Local.ContainsKey(prefix))
            {
                CreateTermDefinition(loader, active, prefix, scope);
            }

            definition.Iri = active.Terms.TryGetValue(prefix, out var pd) && pd.Iri is not null ? pd.Iri + term[(c + 1)..] : term;
        }
        else if (term.Contains('/', StringComparison.Ordinal))
        {
            // Step 17: a relative IRI reference, resolved against the vocabulary mapping.
            var iri = ExpandIri(loader, active, term, documentRelative: false, vocab: true, scope: null);
            if (iri is null || !Iri.IsAbsolute(iri))
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"{term} does not expand to an IRI");
            }

            definition.Iri = iri;
        }
        else if (term == Keywords.Type)
        {
            definition.Iri = Keywords.Type;
        }
        else if (active.Vocab is not null)
        {
            definition.Iri = active.Vocab + term;
        }
        else
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidIriMapping, $"{term} has no @id and there is no @vocab");
        }

        return true;
    }

    private static Containers ParseContainer(object? container, bool is10, string term)
    {
        if (is10 && container is not (Keywords.List or Keywords.Set or Keywords.Index or Keywords.Language))
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidContainerMapping, $"invalid @container for {term} in json-ld-1.0 mode");
        }

        var flags = Containers.None;
        var count = 0;
        foreach (var item in container is JList l ? l : [container])
        {
            var flag = item switch
            {
                Keywords.Graph => Containers.Graph,
                Keywords.Id => Containers.Id,
                Keywords.Index => Containers.Index,
                Keywords.Language => Containers.Language,
                Keywords.List => Containers.List,
                Keywords.Set => Containers.Set,
                Keywords.Type => Containers.Type,
                _ => throw new JsonLdException(JsonLdErrorCodes.InvalidContainerMapping, $"invalid @container for {term}"),
            };
            flags |= flag;
            count++;
        }

        var valid = (flags & Containers.List) != 0
            ? count == 1
            : (flags & Containers.Graph) != 0
                ? (flags & ~(Containers.Graph | Containers.Id | Containers.Index | Containers.Set)) == 0
                : count <= ((flags & Containers.Set) != 0 ? 2 : 1);
        return valid ? flags : throw new JsonLdException(JsonLdErrorCodes.InvalidContainerMapping, $"invalid @container combination for {term}");
    }
}
