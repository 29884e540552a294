using System.Collections.Concurrent;

namespace MicroCredentials.JsonLd;

/// <summary>
/// An active context (JSON-LD 1.1 API §4.1). Immutable once <see cref="ContextProcessor"/> returns it, so it can be
/// shared across threads; it carries its own caches of the contexts derived from it and of IRI expansions.
/// </summary>
internal sealed class ActiveContext
{
    private ConcurrentDictionary<DerivedKey, ActiveContext>? derived;
    private ConcurrentDictionary<string, string?>? vocabIris;

    public ActiveContext(JsonLdProcessingMode mode, string? baseIri)
    {
        Mode = mode;
        BaseIri = baseIri;
        OriginalBaseUrl = baseIri;
        Terms = new Dictionary<string, TermDefinition>(StringComparer.Ordinal);
    }

    private ActiveContext(ActiveContext other)
    {
        Mode = other.Mode;
        Terms = new Dictionary<string, TermDefinition>(other.Terms, StringComparer.Ordinal);
        BaseIri = other.BaseIri;
        OriginalBaseUrl = other.OriginalBaseUrl;
        Vocab = other.Vocab;
        DefaultLanguage = other.DefaultLanguage;
        DefaultDirection = other.DefaultDirection;
        PreviousContext = other.PreviousContext;
    }

    public JsonLdProcessingMode Mode { get; }

    public Dictionary<string, TermDefinition> Terms { get; }

    public string? BaseIri { get; set; }

    public string? OriginalBaseUrl { get; set; }

    public string? Vocab { get; set; }

    public string? DefaultLanguage { get; set; }

    public string? DefaultDirection { get; set; }

    public ActiveContext? PreviousContext { get; set; }

    public bool Is10 => Mode == JsonLdProcessingMode.JsonLd10;

    /// <summary>
    /// Kept for the document loader's lifetime (the root and what is derived from it with the loader's own
    /// documents), as opposed to a context that lives for one document. Only shared contexts count against
    /// <see cref="CoreLimits.JsonLdMaxSharedContexts"/>.
    /// </summary>
    public bool Shared { get; private set; }

    /// <summary>Marks a context, and the term definitions it holds, as kept by the loader.</summary>
    public void MarkShared()
    {
        Shared = true;
        foreach (var t in Terms.Values)
        {
            t.Shared = true;
        }
    }

    public ActiveContext Clone() => new(this);

    public bool HasProtectedTerms()
    {
        foreach (var t in Terms.Values)
        {
            if (t.Protected)
            {
                return true;
            }
        }

        return false;
    }

    public TermDefinition? Term(string? term) => term is not null && Terms.TryGetValue(term, out var d) ? d : null;

    /// <summary>
    /// Returns the cached context derived from this one by processing <paramref name="key"/> (a context URL or a
    /// term definition with a scoped context), computing it once. A shared context keeps only what derives from
    /// the loader's own documents, and no more than <see cref="CoreLimits.JsonLdMaxSharedContexts"/> per loader:
    /// a document's own term definitions would otherwise stay in memory after the document is gone.
    /// </summary>
    public ActiveContext Derive<TState>(DocumentLoader loader, object key, int flags, TState state, Func<TState, ActiveContext> process)
    {
        var k = new DerivedKey(key, flags);
        var cache = derived;
        if (cache is not null && cache.TryGetValue(k, out var hit))
        {
            return hit;
        }

        if (Shared && ((key is TermDefinition { Shared: false }) || !loader.TryReserveSharedContext()))
        {
            return process(state);
        }

        if (cache is null)
        {
            Interlocked.CompareExchange(ref derived, new ConcurrentDictionary<DerivedKey, ActiveContext>(), null);
            cache = derived;
        }

        var computed = process(state);
        if (Shared && !computed.Shared)
        {
            computed.MarkShared();
        }

        return cache.GetOrAdd(k, computed);
    }

    /// <summary>Cache of <c>IRI expansion(value, vocab: true, documentRelative: false)</c> for finished contexts.</summary>
    public ConcurrentDictionary<string, string?> VocabIris
    {
        get
        {
            if (vocabIris is null)
            {
                Interlocked.CompareExchange(ref vocabIris, new ConcurrentDictionary<string, string?>(StringComparer.Ordinal), null);
            }

            return vocabIris;
        }
    }

    private readonly record struct DerivedKey(object Key, int Flags);
}
