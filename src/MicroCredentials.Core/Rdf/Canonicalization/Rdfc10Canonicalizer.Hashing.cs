using System.Buffers;

namespace MicroCredentials.Rdf.Canonicalization;

/// <summary>Hash First Degree Quads (RDFC-1.0 §4.6) and Hash Related Blank Node (§4.7).</summary>
internal sealed partial class Rdfc10Canonicalizer
{
    private readonly List<Range> lineRanges = [];
    private readonly ArrayBufferWriter<byte> sorted = new(1024);

    /// <summary>
    /// Hash First Degree Quads: serialize each quad that mentions <paramref name="node"/> with that node as
    /// <c>_:a</c> and every other blank node as <c>_:z</c>, sort the lines by code point, hash their concatenation.
    /// </summary>
    private string HashFirstDegreeQuads(int node)
    {
        scratch.ResetWrittenCount();
        lineRanges.Clear();
        foreach (var quadIndex in quadsByNode[node])
        {
            var quad = quads[quadIndex];
            var start = scratch.WrittenCount;
            WriteFirstDegreeTerm(quad.SubjectNode, quad.Subject, node);
            Write(" "u8);
            Write(quad.Predicate);
            Write(" "u8);
            WriteFirstDegreeTerm(quad.ObjectNode, quad.Object, node);
            if (quad.GraphNode >= 0 || quad.Graph is not null)
            {
                Write(" "u8);
                WriteFirstDegreeTerm(quad.GraphNode, quad.Graph, node);
            }

            Write(" .\n"u8);
            lineRanges.Add(new Range(start, scratch.WrittenCount));
        }

        // UTF-8 byte order is code point order; the sorted lines are hashed in one call.
        var written = scratch.WrittenMemory;
        lineRanges.Sort((a, b) => written.Span[a].SequenceCompareTo(written.Span[b]));
        sorted.ResetWrittenCount();
        foreach (var range in lineRanges)
        {
            sorted.Write(written.Span[range]);
        }

        return HashHex(sorted.WrittenSpan);
    }

    private static void WriteAscii(ArrayBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(text.Length);
        writer.Advance(System.Text.Encoding.ASCII.GetBytes(text, span));
    }

    private void WriteFirstDegreeTerm(int termNode, byte[]? encoded, int node)
    {
        if (termNode < 0)
        {
            Write(encoded);
        }
        else
        {
            Write(termNode == node ? BlankA : BlankZ);
        }
    }

    /// <summary>
    /// Hash Related Blank Node: position (<c>s</c>, <c>o</c> or <c>g</c>), then <c>&lt;predicate&gt;</c> unless the
    /// position is <c>g</c>, then the related node's canonical identifier, else its identifier in
    /// <paramref name="issuer"/>, else its first-degree hash.
    /// </summary>
    private string HashRelatedBlankNode(int related, in EncodedQuad quad, IdentifierIssuer issuer, char position)
    {
        var input = new ArrayBufferWriter<byte>(128);
        input.Write([(byte)position]);
        if (position != 'g')
        {
            input.Write(quad.Predicate);
        }

        if ((canonicalIssuer.Find(related) ?? issuer.Find(related)) is { } id)
        {
            input.Write("_:"u8);
            WriteAscii(input, id);
        }
        else
        {
            WriteAscii(input, firstDegreeHashes[related]);
        }

        return HashHex(input.WrittenSpan);
    }
}
