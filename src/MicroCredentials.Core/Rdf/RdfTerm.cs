namespace MicroCredentials.Rdf;

/// <summary>The kind of an RDF term (RDF 1.1 Concepts §3).</summary>
public enum RdfTermKind
{
    /// <summary>An absolute IRI.</summary>
    Iri,

    /// <summary>A blank node, identified by a label local to the dataset.</summary>
    BlankNode,

    /// <summary>A literal with a lexical form, a datatype IRI and an optional language tag.</summary>
    Literal,
}

/// <summary>
/// An RDF term: an IRI, a blank node or a literal. Immutable value type shared by the JSON-LD processor,
/// the N-Quads reader/writer and the RDFC-1.0 canonicalizer.
/// </summary>
/// <remarks>
/// For <see cref="RdfTermKind.Iri"/> <see cref="Value"/> is the IRI; for <see cref="RdfTermKind.BlankNode"/>
/// it is the label without the <c>_:</c> prefix; for <see cref="RdfTermKind.Literal"/> it is the lexical form.
/// </remarks>
public readonly record struct RdfTerm(RdfTermKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    /// <summary>The XSD string datatype, the datatype of simple literals.</summary>
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";

    /// <summary>The datatype of language-tagged strings.</summary>
    public const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    /// <summary>Creates an IRI term.</summary>
    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri);

    /// <summary>Creates a blank node term from its label (without <c>_:</c>).</summary>
    public static RdfTerm Blank(string label) => new(RdfTermKind.BlankNode, label);

    /// <summary>Creates a literal; a language tag implies <c>rdf:langString</c>, no datatype implies <c>xsd:string</c>.</summary>
    public static RdfTerm Literal(string lexical, string? datatype = null, string? language = null) =>
        new(RdfTermKind.Literal, lexical, language is not null ? RdfLangString : datatype ?? XsdString, language);

    /// <summary>True for IRIs.</summary>
    public bool IsIri => Kind == RdfTermKind.Iri;

    /// <summary>True for blank nodes.</summary>
    public bool IsBlank => Kind == RdfTermKind.BlankNode;

    /// <summary>True for literals.</summary>
    public bool IsLiteral => Kind == RdfTermKind.Literal;

    /// <summary>The term in N-Quads syntax (canonical escaping as RDFC-1.0 and N-Quads §canonical require).</summary>
    public override string ToString() => NQuads.FormatTerm(this);
}
