using System.Security.Cryptography;
using System.Text;
using MicroCredentials.Rdf;

namespace MicroCredentials.Core.Tests.JsonLd;

/// <summary>
/// RDF dataset isomorphism for tests: colour refinement of blank nodes, then a backtracking search for a bijection.
/// Language tags compare case-insensitively (they are lower-cased first).
/// </summary>
internal static class RdfIsomorphism
{
    public static bool AreIsomorphic(IEnumerable<Quad> first, IEnumerable<Quad> second)
    {
        var a = first.Select(Normalize).ToHashSet();
        var b = second.Select(Normalize).ToHashSet();
        if (a.Count != b.Count)
        {
            return false;
        }

        var colorsA = Colors(a);
        var colorsB = Colors(b);
        if (!colorsA.Values.Order(StringComparer.Ordinal).SequenceEqual(colorsB.Values.Order(StringComparer.Ordinal)))
        {
            return false;
        }

        var blanksA = colorsA.Keys.OrderBy(k => colorsA[k], StringComparer.Ordinal).ToList();
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        return Search(0, blanksA, colorsA, colorsB, mapping, used, a, b);
    }

    private static Quad Normalize(Quad q)
    {
        static RdfTerm N(RdfTerm t) => t.Language is { } l ? t with { Language = l.ToLowerInvariant() } : t;
        return new Quad(N(q.Subject), N(q.Predicate), N(q.Object), q.Graph is { } g ? N(g) : null);
    }

    private static bool Search(int i, List<string> blanksA, Dictionary<string, string> colorsA, Dictionary<string, string> colorsB, Dictionary<string, string> mapping, HashSet<string> used, HashSet<Quad> a, HashSet<Quad> b)
    {
        if (i == blanksA.Count)
        {
            return a.All(q => b.Contains(Map(q, mapping)));
        }

        var blank = blanksA[i];
        foreach (var (candidate, color) in colorsB)
        {
            if (used.Contains(candidate) || color != colorsA[blank])
            {
                continue;
            }

            mapping[blank] = candidate;
            used.Add(candidate);
            if (Consistent(blank, mapping, a, b) && Search(i + 1, blanksA, colorsA, colorsB, mapping, used, a, b))
            {
                return true;
            }

            mapping.Remove(blank);
            used.Remove(candidate);
        }

        return false;
    }

    private static bool Consistent(string blank, Dictionary<string, string> mapping, HashSet<Quad> a, HashSet<Quad> b)
    {
        foreach (var q in a)
        {
            var terms = Terms(q);
            if (!terms.Any(t => t.IsBlank && t.Value == blank))
            {
                continue;
            }

            if (terms.All(t => !t.IsBlank || mapping.ContainsKey(t.Value)) && !b.Contains(Map(q, mapping)))
            {
                return false;
            }
        }

        return true;
    }

    private static Quad Map(Quad q, Dictionary<string, string> mapping)
    {
        RdfTerm M(RdfTerm t) => t.IsBlank ? RdfTerm.Blank(mapping[t.Value]) : t;
        return new Quad(M(q.Subject), M(q.Predicate), M(q.Object), q.Graph is { } g ? M(g) : null);
    }

    private static RdfTerm[] Terms(Quad q) => q.Graph is { } g ? [q.Subject, q.Predicate, q.Object, g] : [q.Subject, q.Predicate, q.Object];

    private static Dictionary<string, string> Colors(HashSet<Quad> quads)
    {
        var colors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in quads)
        {
            foreach (var t in Terms(q))
            {
                if (t.IsBlank)
                {
                    colors[t.Value] = string.Empty;
                }
            }
        }

        for (var round = 0; round < 6; round++)
        {
            var next = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var blank in colors.Keys)
            {
                var signatures = new List<string>();
                foreach (var q in quads)
                {
                    var terms = Terms(q);
                    if (!terms.Any(t => t.IsBlank && t.Value == blank))
                    {
                        continue;
                    }

                    var sb = new StringBuilder();
                    foreach (var t in terms)
                    {
                        sb.Append(t.IsBlank ? (t.Value == blank ? "@self" : "@" + colors[t.Value]) : t.ToString()).Append('|');
                    }

                    signatures.Add(sb.ToString());
                }

                signatures.Sort(StringComparer.Ordinal);
                next[blank] = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", signatures))));
            }

            colors = next;
        }

        return colors;
    }
}
