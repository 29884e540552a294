namespace MicroCredentials.Rdf;

/// <summary>
/// An RDF quad: subject, predicate, object and graph name (<see langword="null"/> for the default graph).
/// </summary>
public readonly record struct Quad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm? Graph = null)
{
    /// <summary>The quad as one N-Quads line, including the terminating <c>" .\n"</c>.</summary>
    public override string ToString() => NQuads.FormatQuad(this);
}
