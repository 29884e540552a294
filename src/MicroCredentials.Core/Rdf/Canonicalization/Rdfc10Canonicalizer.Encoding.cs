using System.Text;

namespace MicroCredentials.Rdf.Canonicalization;

/// <summary>Turns the input quads into numbered blank nodes and pre-serialized UTF-8 terms.</summary>
internal sealed partial class Rdfc10Canonicalizer
{
    private void Encode(IReadOnlyList<Quad> input)
    {
        var seen = new HashSet<Quad>(input.Count);
        var nodeIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var termCache = new Dictionary<RdfTerm, byte[]>();
        var sb = new StringBuilder(128);

        foreach (var quad in input)
        {
            // An RDF dataset is a set of quads (RDFC-1.0 §4.4.3 takes a dataset): duplicates count once.
            if (!seen.Add(quad))
            {
                continue;
            }

            var index = quads.Count;
            var (subject, subjectNode) = EncodeTerm(quad.Subject);
            var (obj, objectNode) = EncodeTerm(quad.Object);
            var (graph, graphNode) = quad.Graph is { } g ? EncodeTerm(g) : (null, -1);
            if (quad.Predicate.IsBlank)
            {
                throw new ArgumentException("A predicate cannot be a blank node (RDF 1.1 Concepts §3.1).", nameof(input));
            }

            quads.Add(new EncodedQuad(subject, subjectNode, Serialized(quad.Predicate), obj, objectNode, graph, graphNode));
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
            if (!termCache.TryGetValue(term, out var bytes))
            {
                sb.Clear();
                NQuads.AppendTerm(sb, term);
                bytes = System.Text.Encoding.UTF8.GetBytes(sb.ToString());
                termCache.Add(term, bytes);
            }

            return bytes;
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

    /// <summary>A quad with non-blank terms serialized to UTF-8 and blank nodes as numbers (-1 when not blank).</summary>
    private readonly record struct EncodedQuad(
        byte[]? Subject, int SubjectNode, byte[] Predicate, byte[]? Object, int ObjectNode, byte[]? Graph, int GraphNode);
}
