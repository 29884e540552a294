using System.Text;

namespace MicroCredentials.Rdf.Canonicalization;

/// <summary>Turns the input quads into numbered blank nodes and pre-serialized UTF-8 terms.</summary>
internal sealed partial class Rdfc10Canonicalizer
{
    private void Encode(IReadOnlyList<Quad> input)
    {
        // Equal terms get the same encoded array (one per distinct IRI, one per distinct literal form), so two quads
        // are equal exactly when their encodings hold the same arrays and node numbers: the duplicate check below
        // compares references instead of hashing every term's strings a second time.
        var seen = new HashSet<EncodedQuad>(input.Count);
        var nodeIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var iris = new Dictionary<string, byte[]>(input.Count, StringComparer.Ordinal);
        var literals = new Dictionary<string, byte[]>(input.Count, StringComparer.Ordinal);
        var sb = new StringBuilder(128);
        quads.Capacity = input.Count;

        foreach (var quad in input)
        {
            var (subject, subjectNode) = EncodeTerm(quad.Subject);
            var (obj, objectNode) = EncodeTerm(quad.Object);
            var (graph, graphNode) = quad.Graph is { } g ? EncodeTerm(g) : (null, -1);
            if (quad.Predicate.IsBlank)
            {
                throw new ArgumentException("A predicate cannot be a blank node (RDF 1.1 Concepts §3.1).", nameof(input));
            }

            // An RDF dataset is a set of quads (RDFC-1.0 §4.4.3 takes a dataset): duplicates count once.
            var encoded = new EncodedQuad(subject, subjectNode, Serialized(quad.Predicate), obj, objectNode, graph, graphNode);
            if (!seen.Add(encoded))
            {
                continue;
            }

            var index = quads.Count;
            quads.Add(encoded);
            AddToNode(subjectNode, index);
            AddToNode(objectNode, index);
            AddToNode(graphNode, index);
        }

        (byte[]? Encoded, int Node) EncodeTerm(RdfTerm term)
        {
            if (!term.IsBlank)
            {
                return (Serialized(term), -1);
            }

            if (!nodeIds.TryGetValue(term.Value, out var node))
            {
                node = labels.Count;
                nodeIds.Add(term.Value, node);
                labels.Add(term.Value);
                quadsByNode.Add([]);
            }

            return (null, node);
        }

        byte[] Serialized(RdfTerm term)
        {
            if (term.IsIri && term.Datatype is null && term.Language is null)
            {
                if (!iris.TryGetValue(term.Value, out var iri))
                {
                    iri = NQuads.IsPlainIri(term.Value) ? Bracketed(term.Value) : Utf8(term);
                    iris.Add(term.Value, iri);
                }

                return iri;
            }

            sb.Clear();
            NQuads.AppendTerm(sb, term);
            var text = sb.ToString();
            if (!literals.TryGetValue(text, out var bytes))
            {
                bytes = System.Text.Encoding.UTF8.GetBytes(text);
                literals.Add(text, bytes);
            }

            return bytes;
        }

        byte[] Utf8(RdfTerm term)
        {
            sb.Clear();
            NQuads.AppendTerm(sb, term);
            return System.Text.Encoding.UTF8.GetBytes(sb.ToString());
        }

        void AddToNode(int node, int quadIndex)
        {
            // A quad is listed once per blank node even when the node occurs in it more than once.
            if (node >= 0 && (quadsByNode[node].Count == 0 || quadsByNode[node][^1] != quadIndex))
            {
                quadsByNode[node].Add(quadIndex);
            }
        }
    }

    /// <summary><c>&lt;iri&gt;</c> in UTF-8, for an IRI with nothing to escape.</summary>
    private static byte[] Bracketed(string iri)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(iri) + 2];
        bytes[0] = (byte)'<';
        System.Text.Encoding.UTF8.GetBytes(iri, bytes.AsSpan(1));
        bytes[^1] = (byte)'>';
        return bytes;
    }

    /// <summary>A quad with non-blank terms serialized to UTF-8 and blank nodes as numbers (-1 when not blank).</summary>
    private readonly record struct EncodedQuad(
        byte[]? Subject, int SubjectNode, byte[] Predicate, byte[]? Object, int ObjectNode, byte[]? Graph, int GraphNode);
}
