using System.Text;

namespace MicroCredentials.Rdf.Canonicalization;

/// <summary>Hash N-Degree Quads (RDFC-1.0 §4.8), with the work bound that detects poisoned datasets.</summary>
internal sealed partial class Rdfc10Canonicalizer
{
    /// <summary>
    /// Hash N-Degree Quads: groups the blank nodes related to <paramref name="node"/> by their related hash, and
    /// for each group picks the permutation whose path (identifiers issued along it, with recursive hashes) is
    /// smallest in code point order.
    /// </summary>
    /// <exception cref="Rdfc10WorkLimitExceededException">The bound on calls is exhausted.</exception>
    private (string Hash, IdentifierIssuer Issuer) HashNDegreeQuads(int node, IdentifierIssuer issuer)
    {
        if (remainingDeepIterations <= 0)
        {
            throw new Rdfc10WorkLimitExceededException(maxDeepIterations);
        }

        remainingDeepIterations--;

        // Steps 1–3: hash to related blank nodes map.
        var hashToRelated = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var quadIndex in quadsByNode[node])
        {
            var quad = quads[quadIndex];
            AddRelated(hashToRelated, quad.SubjectNode, quad, issuer, node, 's');
            AddRelated(hashToRelated, quad.ObjectNode, quad, issuer, node, 'o');
            AddRelated(hashToRelated, quad.GraphNode, quad, issuer, node, 'g');
        }

        // Steps 4–5.
        using var dataToHash = CreateHash();
        var path = new StringBuilder(128);
        foreach (var (relatedHash, relatedNodes) in hashToRelated)
        {
            AppendAscii(dataToHash, relatedHash);
            string? chosenPath = null;
            IdentifierIssuer? chosenIssuer = null;
            var permutation = relatedNodes.ToArray();
            Array.Sort(permutation);
            do
            {
                var issuerCopy = issuer.Clone();
                path.Clear();
                var recursionList = new List<int>();
                var skip = false;
                foreach (var related in permutation)
                {
                    if (canonicalIssuer.Find(related) is { } canonicalId)
                    {
                        path.Append("_:").Append(canonicalId);
                    }
                    else
                    {
                        if (!issuerCopy.Has(related))
                        {
                            recursionList.Add(related);
                        }

                        path.Append("_:").Append(issuerCopy.Issue(related));
                    }

                    if (IsWorse(path, chosenPath))
                    {
                        skip = true;
                        break;
                    }
                }

                if (skip)
                {
                    continue;
                }

                foreach (var related in recursionList)
                {
                    if (++recursionDepth > CoreLimits.RdfcMaxRecursionDepth)
                    {
                        throw new Rdfc10WorkLimitExceededException(
                            $"RDFC-1.0: Hash N-Degree Quads would recurse more than {CoreLimits.RdfcMaxRecursionDepth} deep; the dataset is treated as poisoned.");
                    }

                    var result = HashNDegreeQuads(related, issuerCopy);
                    recursionDepth--;
                    path.Append("_:").Append(issuerCopy.Issue(related));
                    path.Append('<').Append(result.Hash).Append('>');
                    issuerCopy = result.Issuer;
                    if (IsWorse(path, chosenPath))
                    {
                        skip = true;
                        break;
                    }
                }

                if (skip)
                {
                    continue;
                }

                var candidate = path.ToString();
                if (chosenPath is null || string.CompareOrdinal(candidate, chosenPath) < 0)
                {
                    chosenPath = candidate;
                    chosenIssuer = issuerCopy;
                }
            }
            while (NextPermutation(permutation));

            AppendAscii(dataToHash, chosenPath!);
            issuer = chosenIssuer!;
        }

        return (Hex(dataToHash), issuer);
    }

    private void AddRelated(
        SortedDictionary<string, List<int>> hashToRelated, int related, in EncodedQuad quad, IdentifierIssuer issuer, int node, char position)
    {
        if (related < 0 || related == node)
        {
            return;
        }

        var hash = HashRelatedBlankNode(related, quad, issuer, position);
        if (hashToRelated.TryGetValue(hash, out var list))
        {
            list.Add(related);
        }
        else
        {
            hashToRelated.Add(hash, [related]);
        }
    }

    /// <summary>
    /// Steps 5.4.4.3 / 5.4.5.5: a chosen path exists, and the path is not shorter and sorts after it. Paths are
    /// ASCII (issued identifiers and hex hashes), so ordinal order is code point order.
    /// </summary>
    private static bool IsWorse(StringBuilder path, string? chosenPath)
    {
        if (chosenPath is null || path.Length < chosenPath.Length)
        {
            return false;
        }

        for (var i = 0; i < chosenPath.Length; i++)
        {
            var c = path[i];
            if (c != chosenPath[i])
            {
                return c > chosenPath[i];
            }
        }

        // Equal prefix and not shorter: greater only when strictly longer.
        return path.Length > chosenPath.Length;
    }

    /// <summary>Rearranges to the next permutation in lexicographic order; false after the last one.</summary>
    private static bool NextPermutation(int[] items)
    {
        var i = items.Length - 2;
        while (i >= 0 && items[i] >= items[i + 1])
        {
            i--;
        }

        if (i < 0)
        {
            return false;
        }

        var j = items.Length - 1;
        while (items[j] <= items[i])
        {
            j--;
        }

        (items[i], items[j]) = (items[j], items[i]);
        Array.Reverse(items, i + 1, items.Length - i - 1);
        return true;
    }
}
