namespace MicroCredentials.JsonLd;

/// <summary>Container mappings of a term (JSON-LD 1.1 §4.3), as flags.</summary>
[Flags]
internal enum Containers
{
    None = 0,
    Graph = 1,
    Id = 2,
    Index = 4,
    Language = 8,
    List = 16,
    Set = 32,
    Type = 64,
}

/// <summary>
/// A term definition (JSON-LD 1.1 API §4.1). Built once by <see cref="ContextProcessor"/> and never changed after
/// it is stored in an <see cref="ActiveContext"/>; its identity keys the scoped-context cache.
/// </summary>
internal sealed class TermDefinition
{
    /// <summary>The IRI mapping: an IRI, a blank node identifier, a keyword, or <see langword="null"/> (the term is ignored).</summary>
    public string? Iri { get; set; }

    public bool Prefix { get; set; }

    public bool Protected { get; set; }

    public bool Reverse { get; set; }

    public string? BaseUrl { get; set; }

    public bool HasContext { get; set; }

    /// <summary>The scoped (property- or type-scoped) context, in the internal JSON model.</summary>
    public object? Context { get; set; }

    public Containers Container { get; set; }

    public bool HasLanguage { get; set; }

    public string? Language { get; set; }

    public bool HasDirection { get; set; }

    public string? Direction { get; set; }

    public string? Index { get; set; }

    public string? Nest { get; set; }

    public string? TypeMapping { get; set; }

    /// <summary>Held by a context the document loader keeps (see <see cref="ActiveContext.Shared"/>).</summary>
    public bool Shared { get; set; }

    /// <summary>Equal in everything but <see cref="Protected"/> (JSON-LD 1.1 API §4.2.2 step 28).</summary>
    public bool SameAs(TermDefinition other) =>
        string.Equals(Iri, other.Iri, StringComparison.Ordinal)
        && Prefix == other.Prefix
        && Reverse == other.Reverse
        && HasContext == other.HasContext
        && JsonModel.DeepEquals(Context, other.Context)
        && Container == other.Container
        && HasLanguage == other.HasLanguage
        && string.Equals(Language, other.Language, StringComparison.Ordinal)
        && HasDirection == other.HasDirection
        && string.Equals(Direction, other.Direction, StringComparison.Ordinal)
        && string.Equals(Index, other.Index, StringComparison.Ordinal)
        && string.Equals(Nest, other.Nest, StringComparison.Ordinal)
        && string.Equals(TypeMapping, other.TypeMapping, StringComparison.Ordinal);
}
