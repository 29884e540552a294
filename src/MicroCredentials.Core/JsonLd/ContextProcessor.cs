using JMap = System.Collections.Generic.Dictionary<string, object?>;

namespace MicroCredentials.JsonLd;

/// <summary>
/// Context Processing algorithm (JSON-LD 1.1 API §4.1.2). Remote contexts and scoped contexts are processed once
/// per (active context, context) pair and cached on the active context (as jsonld.js does).
/// </summary>
internal static partial class ContextProcessor
{
    private const int FlagOverrideProtected = 1;
    private const int FlagNoPropagate = 2;

    private static readonly string[] EmptyRemote = [];

    /// <summary>Processes <paramref name="local"/> on top of <paramref name="active"/> (§4.1.2).</summary>
    public static ActiveContext Process(
        DocumentLoader loader,
        ProcessingBudget budget,
        ActiveContext active,
        object? local,
        string? baseUrl,
        IReadOnlyList<string>? remoteContexts = null,
        bool overrideProtected = false,
        bool propagate = true,
        bool validateScoped = true)
    {
        remoteContexts ??= EmptyRemote;
        budget.EnterContext();
        var processed = ProcessLocal(loader, budget, active, local, baseUrl, remoteContexts, overrideProtected, propagate, validateScoped);
        budget.ExitContext();
        return processed;
    }

    private static ActiveContext ProcessLocal(
        DocumentLoader loader,
        ProcessingBudget budget,
        ActiveContext active,
        object? local,
        string? baseUrl,
        IReadOnlyList<string> remoteContexts,
        bool overrideProtected,
        bool propagate,
        bool validateScoped)
    {
        // Steps 2-3: @propagate in the local context; a non-propagated context remembers where to return to.
        if (local is JMap m && m.TryGetValue(Keywords.Propagate, out var p))
        {
            propagate = p is bool b ? b : throw new JsonLdException(JsonLdErrorCodes.InvalidPropagateValue, "@propagate must be true or false");
        }

        var result = active;
        if (!propagate && result.PreviousContext is null)
        {
            result = result.Clone();
            result.PreviousContext = active;
        }

        if (local is List<object?> list)
        {
            foreach (var item in list)
            {
                budget.CountContext();
                result = ProcessItem(loader, budget, result, item, baseUrl, remoteContexts, overrideProtected, propagate, validateScoped);
            }

            return result;
        }

        budget.CountContext();
        return ProcessItem(loader, budget, result, local, baseUrl, remoteContexts, overrideProtected, propagate, validateScoped);
    }

    /// <summary>
    /// Processes the scoped context of <paramref name="definition"/> on <paramref name="active"/>, cached by
    /// (active context, term definition, flags).
    /// </summary>
    public static ActiveContext ProcessScoped(DocumentLoader loader, ProcessingBudget budget, ActiveContext active, TermDefinition definition, bool overrideProtected, bool propagate)
    {
        var flags = (overrideProtected ? FlagOverrideProtected : 0) | (propagate ? 0 : FlagNoPropagate);
        return active.Derive(
            loader,
            definition,
            flags,
            (loader, budget, active, definition, overrideProtected, propagate),
            static s => Process(s.loader, s.budget, s.active, s.definition.Context, s.definition.BaseUrl, null, s.overrideProtected, s.propagate));
    }

    private static ActiveContext ProcessItem(
        DocumentLoader loader,
        ProcessingBudget budget,
        ActiveContext result,
        object? context,
        string? baseUrl,
        IReadOnlyList<string> remoteContexts,
        bool overrideProtected,
        bool propagate,
        bool validateScoped)
    {
        switch (context)
        {
            case null:
            {
                // Step 5.1: nullification, refused when it would drop protected terms.
                if (!overrideProtected && result.HasProtectedTerms())
                {
                    throw new JsonLdException(JsonLdErrorCodes.InvalidContextNullification, "a context with protected terms cannot be nullified");
                }

                var fresh = new ActiveContext(result.Mode, result.OriginalBaseUrl);
                if (!propagate)
                {
                    fresh.PreviousContext = result.PreviousContext;
                }

                return fresh;
            }

            case string s:
                return ProcessRemote(loader, budget, result, s, baseUrl, remoteContexts, overrideProtected, propagate, validateScoped);
            case JMap map:
                return ProcessDefinition(loader, budget, result, map, baseUrl, remoteContexts, overrideProtected, validateScoped);
            default:
                throw new JsonLdException(JsonLdErrorCodes.InvalidLocalContext, "a context must be null, a string (IRI) or an object");
        }
    }

    private static ActiveContext ProcessRemote(
        DocumentLoader loader,
        ProcessingBudget budget,
        ActiveContext result,
        string reference,
        string? baseUrl,
        IReadOnlyList<string> remoteContexts,
        bool overrideProtected,
        bool propagate,
        bool validateScoped)
    {
        // Step 5.2.1: resolve the context IRI against the base URL.
        var url = Iri.Resolve(baseUrl, reference);
        if (!Iri.IsAbsolute(url))
        {
            throw new JsonLdException(JsonLdErrorCodes.LoadingRemoteContextFailed, $"{reference} is a relative context IRI and there is no base IRI");
        }

        // Step 5.2.2: a scoped context may include itself; stop the recursion instead of failing.
        if (!validateScoped && remoteContexts.Contains(url, StringComparer.Ordinal))
        {
            return result;
        }

        if (remoteContexts.Contains(url, StringComparer.Ordinal))
        {
            throw new JsonLdException(JsonLdErrorCodes.RecursiveContextInclusion, $"{url} includes itself");
        }

        if (remoteContexts.Count >= CoreLimits.JsonLdMaxContextDepth)
        {
            throw new JsonLdException(JsonLdErrorCodes.ContextOverflow, "too many nested remote contexts");
        }

        var state = (loader, budget, result, url, remoteContexts, overrideProtected, propagate, validateScoped);
        if (!validateScoped)
        {
            // Only used to validate term definitions; the result is thrown away, so it is not cached.
            return LoadAndProcess(state);
        }

        var flags = (overrideProtected ? FlagOverrideProtected : 0) | (propagate ? 0 : FlagNoPropagate);
        return result.Derive(loader, url, flags, state, LoadAndProcess);
    }

    private static ActiveContext LoadAndProcess(
        (DocumentLoader Loader, ProcessingBudget Budget, ActiveContext Result, string Url, IReadOnlyList<string> Remote, bool OverrideProtected, bool Propagate, bool ValidateScoped) s)
    {
        var document = s.Loader.LoadCached(s.Url);
        if (document.Document is not JMap top || !top.TryGetValue(Keywords.Context, out var loadedContext))
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidRemoteContext, $"{s.Url} has no top-level @context");
        }

        var remote = new List<string>(s.Remote.Count + 1);
        remote.AddRange(s.Remote);
        remote.Add(s.Url);
        return Process(s.Loader, s.Budget, s.Result, loadedContext, document.DocumentUrl, remote, s.OverrideProtected, s.Propagate, s.ValidateScoped);
    }
}
