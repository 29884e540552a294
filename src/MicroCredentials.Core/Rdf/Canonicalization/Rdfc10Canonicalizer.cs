using System.Buffers;
using System.Security.Cryptography;

namespace MicroCredentials.Rdf.Canonicalization;

/// <summary>
/// The canonicalization state and algorithm of RDFC-1.0 §4.4 for one dataset. Blank nodes are numbered
/// 0..n-1; non-blank terms are serialized to UTF-8 once, so the hashing loops only copy bytes.
/// </summary>
internal sealed partial class Rdfc10Canonicalizer
{
    private static readonly byte[] BlankA = "_:a"u8.ToArray();
    private static readonly byte[] BlankZ = "_:z"u8.ToArray();

    private readonly Rdfc10Options options;
    private readonly HashAlgorithmName hashName;
    private readonly List<EncodedQuad> quads = [];
    private readonly List<string> labels = [];
    private readonly List<List<int>> quadsByNode = [];
    private readonly IdentifierIssuer canonicalIssuer = new("c14n");
    private readonly ArrayBufferWriter<byte> scratch = new(1024);
    private string[] firstDegreeHashes = [];
    private long remainingDeepIterations;
    private long maxDeepIterations;
    private int recursionDepth;

    public Rdfc10Canonicalizer(IReadOnlyList<Quad> input, Rdfc10Options options)
    {
        this.options = options;
        hashName = options.HashAlgorithm == Rdfc10HashAlgorithm.Sha384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;
        Encode(input);
    }

    /// <summary>Runs RDFC-1.0 §4.4.3 steps 2–5: issues a canonical identifier for every blank node.</summary>
    public void Run()
    {
        // Step 3: first-degree hashes; hash to blank nodes map, sorted by hash (all hashes are lowercase hex).
        var byHash = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        firstDegreeHashes = new string[labels.Count];
        for (var node = 0; node < labels.Count; node++)
        {
            var hash = HashFirstDegreeQuads(node);
            firstDegreeHashes[node] = hash;
            if (byHash.TryGetValue(hash, out var list))
            {
                list.Add(node);
            }
            else
            {
                byHash.Add(hash, [node]);
            }
        }

        // Step 4: unique hashes get canonical identifiers in hash order.
        var nonUnique = new List<List<int>>();
        var nonUniqueCount = 0;
        foreach (var (_, nodes) in byHash)
        {
            if (nodes.Count == 1)
            {
                canonicalIssuer.Issue(nodes[0]);
            }
            else
            {
                nonUnique.Add(nodes);
                nonUniqueCount += nodes.Count;
            }
        }

        maxDeepIterations = Math.Min(options.MaxDeepIterations ?? WorkLimit(nonUniqueCount, options.MaxWorkFactor), CoreLimits.RdfcMaxDeepIterations);
        remainingDeepIterations = maxDeepIterations;

        // Step 5: the remaining blank nodes, by hash, through Hash N-Degree Quads.
        foreach (var nodes in nonUnique)
        {
            var hashPathList = new List<(string Hash, IdentifierIssuer Issuer)>();
            foreach (var node in nodes)
            {
                if (canonicalIssuer.Has(node))
                {
                    continue;
                }

                var temporary = new IdentifierIssuer("b");
                temporary.Issue(node);
                hashPathList.Add(HashNDegreeQuads(node, temporary));
            }

            foreach (var (_, issuer) in hashPathList.OrderBy(r => r.Hash, StringComparer.Ordinal))
            {
                foreach (var existing in issuer.IssuedOrder)
                {
                    canonicalIssuer.Issue(existing);
                }
            }
        }
    }

    /// <summary>Step 6: canonical N-Quads, as UTF-8, lines sorted by code point (= UTF-8 byte order).</summary>
    public byte[] Serialize()
    {
        scratch.ResetWrittenCount();
        var ranges = new Range[quads.Count];
        for (var i = 0; i < quads.Count; i++)
        {
            var start = scratch.WrittenCount;
            WriteCanonicalQuad(quads[i]);
            ranges[i] = new Range(start, scratch.WrittenCount);
        }

        var written = scratch.WrittenMemory;
        Array.Sort(ranges, (a, b) => written.Span[a].SequenceCompareTo(written.Span[b]));
        var output = new byte[scratch.WrittenCount];
        var offset = 0;
        foreach (var range in ranges)
        {
            var line = written.Span[range];
            line.CopyTo(output.AsSpan(offset));
            offset += line.Length;
        }

        return output;
    }

    /// <summary>The issued identifiers map: input label → canonical label.</summary>
    public IReadOnlyDictionary<string, string> IssuedIdentifiers()
    {
        var map = new Dictionary<string, string>(labels.Count, StringComparer.Ordinal);
        foreach (var node in canonicalIssuer.IssuedOrder)
        {
            map[labels[node]] = canonicalIssuer.Find(node)!;
        }

        return map;
    }

    private static long WorkLimit(int nonUniqueCount, int workFactor)
    {
        if (workFactor < 0)
        {
            throw new ArgumentException("MaxWorkFactor cannot be negative.", nameof(workFactor));
        }

        var limit = 1.0;
        for (var i = 0; i < workFactor; i++)
        {
            limit *= nonUniqueCount;
        }

        return limit >= long.MaxValue ? long.MaxValue : (long)limit;
    }

    private void WriteCanonicalQuad(in EncodedQuad quad)
    {
        WriteTerm(quad.SubjectNode, quad.Subject, canonical: true);
        Write(" "u8);
        Write(quad.Predicate);
        Write(" "u8);
        WriteTerm(quad.ObjectNode, quad.Object, canonical: true);
        if (quad.GraphNode >= 0 || quad.Graph is not null)
        {
            Write(" "u8);
            WriteTerm(quad.GraphNode, quad.Graph, canonical: true);
        }

        Write(" .\n"u8);
    }

    private void WriteTerm(int node, byte[]? encoded, bool canonical)
    {
        if (node < 0)
        {
            Write(encoded);
            return;
        }

        Write("_:"u8);
        var label = canonical ? canonicalIssuer.Find(node)! : labels[node];
        var span = scratch.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(label.Length));
        scratch.Advance(System.Text.Encoding.UTF8.GetBytes(label, span));
    }

    private void Write(ReadOnlySpan<byte> bytes) => scratch.Write(bytes);

    private IncrementalHash CreateHash() => IncrementalHash.CreateHash(hashName);

    private string HashHex(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[48];
        var written = options.HashAlgorithm == Rdfc10HashAlgorithm.Sha384
            ? SHA384.HashData(data, digest)
            : SHA256.HashData(data, digest);
        return Convert.ToHexStringLower(digest[..written]);
    }

    private static string Hex(IncrementalHash hash)
    {
        Span<byte> digest = stackalloc byte[48];
        var written = hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest[..written]);
    }

    private static void AppendAscii(IncrementalHash hash, string text)
    {
        Span<byte> buffer = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        var written = System.Text.Encoding.ASCII.GetBytes(text, buffer);
        hash.AppendData(buffer[..written]);
    }
}
