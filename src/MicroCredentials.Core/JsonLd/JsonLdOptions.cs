namespace MicroCredentials.JsonLd;

/// <summary>
/// Options of <see cref="JsonLdProcessor"/> (JSON-LD 1.1 API §9.2 <c>JsonLdOptions</c>, the subset used for
/// expansion and toRdf).
/// </summary>
public sealed record JsonLdOptions
{
    /// <summary>The document's base IRI, used to resolve relative IRIs. Default: none (relative IRIs stay relative).</summary>
    public string? Base { get; init; }

    /// <summary>A context applied before the document's own <c>@context</c> (a URL string, a context object, or an array). Default: none.</summary>
    public System.Text.Json.Nodes.JsonNode? ExpandContext { get; init; }

    /// <summary>The processing mode. Default: <see cref="JsonLdProcessingMode.JsonLd11"/>.</summary>
    public JsonLdProcessingMode ProcessingMode { get; init; } = JsonLdProcessingMode.JsonLd11;

    /// <summary>
    /// Loads remote contexts. Default: <see cref="EmbeddedDocumentLoader.Instance"/>, which serves only the contexts
    /// embedded in this assembly and never touches the network.
    /// </summary>
    public DocumentLoader DocumentLoader { get; init; } = EmbeddedDocumentLoader.Instance;

    /// <summary>Whether toRdf emits triples whose predicate is a blank node (generalized RDF). Default: <see langword="false"/>.</summary>
    public bool ProduceGeneralizedRdf { get; init; }

    /// <summary>How toRdf represents <c>@direction</c>; <see langword="null"/> (the default) drops the direction.</summary>
    public JsonLdRdfDirection? RdfDirection { get; init; }

    /// <summary>
    /// Safe mode: anything expansion would silently drop (a property or <c>@type</c> no context defines, a relative
    /// IRI, an ill-formed literal) raises a <see cref="JsonLdException"/> naming its JSON path instead. Use it when
    /// signing or verifying. Default: <see langword="false"/>.
    /// </summary>
    public bool SafeMode { get; init; }
}
