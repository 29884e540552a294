namespace MicroCredentials.Rdf.Canonicalization;

/// <summary>The output of RDFC-1.0: the canonical N-Quads document and the issued identifiers map.</summary>
/// <param name="CanonicalNQuads">Canonical N-Quads (RDFC-1.0 §4.4.3 step 6): sorted lines, each ending in <c>"\n"</c>.</param>
/// <param name="IssuedIdentifiers">
/// The canonical issuer's issued identifiers map (RDFC-1.0 §4.3): every blank node label of the input mapped to
/// its canonical label (<c>c14n0</c>, <c>c14n1</c>, …).
/// </param>
public sealed record Rdfc10Result(string CanonicalNQuads, IReadOnlyDictionary<string, string> IssuedIdentifiers);
