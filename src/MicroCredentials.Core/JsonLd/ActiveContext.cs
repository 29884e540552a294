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

    /// <summary>Returns the cached context derived from this one by processing <paramref name="key"/>, computing it once.</summary>
    public ActiveContext Derive<TState>(object key, int flags, TState state, Func<TState, ActiveContext> process)
    {
        var cache = derived;
        if (cache is null)
        {
            Interlocked.CompareExchange(ref derived, new ConcurrentDictionary<DerivedKey, ActiveContext>(), null);
            cache = derived;
        }

        var k = new DerivedKey(key, flags);
        if (cache.TryGetValue(k, out var hit))
        {
            return hit;
        }

        return cache.GetOrAdd(k, process(state));
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
