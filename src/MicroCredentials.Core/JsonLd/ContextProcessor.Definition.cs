using JMap = System.Collections.Generic.Dictionary<string, object?>;

namespace MicroCredentials.JsonLd;

internal static partial class ContextProcessor
{
    /// <summary>Step 5.4-5.13: a context definition (a map).</summary>
    private static ActiveContext ProcessDefinition(
        DocumentLoader loader,
        ProcessingBudget budget,
        ActiveContext active,
        JMap context,
        string? baseUrl,
        IReadOnlyList<string> remoteContexts,
        bool overrideProtected,
        bool validateScoped)
    {
        if (context.Count > CoreLimits.JsonLdMaxTermsPerContext)
        {
            throw new JsonLdException(JsonLdErrorCodes.ContextOverflow, $"a local context has more than {CoreLimits.JsonLdMaxTermsPerContext} entries");
        }

        var result = active.Clone();

        // Step 5.5: @version.
        if (context.TryGetValue(Keywords.Version, out var version))
        {
            if (version is not double v || v != 1.1)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidVersionValue, "@version must be 1.1");
            }

            if (result.Is10)
            {
                throw new JsonLdException(JsonLdErrorCodes.ProcessingModeConflict, "@version 1.1 in json-ld-1.0 mode");
            }
        }

        // Step 5.6: @import merges a remote context under this one.
        if (context.TryGetValue(Keywords.Import, out var import))
        {
            context = Import(loader, result, context, import, baseUrl);
            if (context.Count > CoreLimits.JsonLdMaxTermsPerContext)
            {
                throw new JsonLdException(JsonLdErrorCodes.ContextOverflow, $"a local context has more than {CoreLimits.JsonLdMaxTermsPerContext} entries");
            }
        }

        // Step 5.7: @base (ignored in remote contexts).
        if (remoteContexts.Count == 0 && context.TryGetValue(Keywords.Base, out var baseValue))
        {
            result.BaseIri = baseValue switch
            {
                null => null,
                string b when Iri.IsAbsolute(b) => b,
                string b when result.BaseIri is not null => Iri.Resolve(result.BaseIri, b),
                _ => throw new JsonLdException(JsonLdErrorCodes.InvalidBaseIri, "@base must be an absolute IRI, or relative with a base IRI"),
            };
        }

        // Step 5.8: @vocab.
        if (context.TryGetValue(Keywords.Vocab, out var vocab))
        {
            if (vocab is null)
            {
                result.Vocab = null;
            }
            else if (vocab is string s && (!result.Is10 || Iri.IsAbsolute(s) || Iri.IsBlankNode(s)))
            {
                var expanded = ExpandIri(loader, result, s, documentRelative: true, vocab: true, scope: null);
                if (expanded is null || (!Iri.IsAbsolute(expanded) && !Iri.IsBlankNode(expanded)))
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidVocabMapping, $"@vocab {s} is not an IRI");
                }

                result.Vocab = expanded;
            }
            else
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidVocabMapping, "@vocab must be an IRI or null");
            }
        }

        // Step 5.9: @language.
        if (context.TryGetValue(Keywords.Language, out var language))
        {
            result.DefaultLanguage = language switch
            {
                null => null,
                string l => l.ToLowerInvariant(),
                _ => throw new JsonLdException(JsonLdErrorCodes.InvalidDefaultLanguage, "@language must be a string or null"),
            };
        }

        // Step 5.10: @direction.
        if (context.TryGetValue(Keywords.Direction, out var direction))
        {
            if (result.Is10)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidContextEntry, "@direction is not allowed in json-ld-1.0 mode");
            }

            result.DefaultDirection = direction switch
            {
                null => null,
                "ltr" or "rtl" => (string)direction,
                _ => throw new JsonLdException(JsonLdErrorCodes.InvalidBaseDirection, "@direction must be \"ltr\", \"rtl\" or null"),
            };
        }

        // Step 5.11: @propagate (its effect was applied by the caller).
        if (context.TryGetValue(Keywords.Propagate, out var propagate))
        {
            if (result.Is10)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidContextEntry, "@propagate is not allowed in json-ld-1.0 mode");
            }

            if (propagate is not bool)
            {
                throw new JsonLdException(JsonLdErrorCodes.InvalidPropagateValue, "@propagate must be true or false");
            }
        }

        var protectedDefault = false;
        if (context.TryGetValue(Keywords.Protected, out var prot))
        {
            // The API defines "invalid @protected value" only for term definitions (§4.2.2 step 11); for the context
            // default jsonld.js takes the value's truthiness, and so do we.
            protectedDefault = prot switch
            {
                null or false => false,
                bool => true,
                double d => d != 0 && !double.IsNaN(d),
                string s => s.Length > 0,
                _ => true,
            };
        }

        // Steps 5.12-5.13: create a term definition for every other entry.
        var scope = new TermScope(budget, context, baseUrl, protectedDefault, overrideProtected, remoteContexts, validateScoped);
        foreach (var term in context.Keys)
        {
            if (term is Keywords.Base or Keywords.Direction or Keywords.Import or Keywords.Language
                or Keywords.Propagate or Keywords.Protected or Keywords.Version or Keywords.Vocab)
            {
                continue;
            }

            CreateTermDefinition(loader, result, term, scope);
        }

        return result;
    }

    private static JMap Import(DocumentLoader loader, ActiveContext result, JMap context, object? import, string? baseUrl)
    {
        if (result.Is10)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidContextEntry, "@import is not allowed in json-ld-1.0 mode");
        }

        if (import is not string reference)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidImportValue, "@import must be a string");
        }

        var url = Iri.Resolve(baseUrl, reference);
        var document = loader.LoadCached(url);
        if (document.Document is not JMap top || !top.TryGetValue(Keywords.Context, out var imported) || imported is not JMap importedMap)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidRemoteContext, $"{url} has no top-level @context map");
        }

        if (importedMap.ContainsKey(Keywords.Import))
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidContextEntry, "an imported context cannot itself use @import");
        }

        var merged = new JMap(importedMap, StringComparer.Ordinal);
        foreach (var (k, v) in context)
        {
            if (k != Keywords.Import)
            {
                merged[k] = v;
            }
        }

        return merged;
    }

    /// <summary>The state shared by the term definitions created from one local context (§4.2.2 inputs).</summary>
    private sealed class TermScope(ProcessingBudget budget, JMap local, string? baseUrl, bool protectedDefault, bool overrideProtected, IReadOnlyList<string> remote, bool validateScoped)
    {
        public ProcessingBudget Budget { get; } = budget;

        public JMap Local { get; } = local;

        public Dictionary<string, bool> Defined { get; } = new(StringComparer.Ordinal);

        public string? BaseUrl { get; } = baseUrl;

        public bool ProtectedDefault { get; } = protectedDefault;

        public bool OverrideProtected { get; } = overrideProtected;

        public IReadOnlyList<string> Remote { get; } = remote;

        public bool ValidateScoped { get; } = validateScoped;
    }
}
