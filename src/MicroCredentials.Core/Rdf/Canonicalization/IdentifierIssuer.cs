using System.Globalization;

namespace MicroCredentials.Rdf.Canonicalization;

/// <summary>
/// The identifier issuer of RDFC-1.0 §4.3 / §4.5: issues <c>prefix + counter</c> for blank nodes (here numbered
/// 0..n-1 by the canonicalizer) and remembers the order of issuance.
/// </summary>
internal sealed class IdentifierIssuer
{
    private readonly string prefix;
    private readonly Dictionary<int, string> issued;
    private readonly List<int> order;

    public IdentifierIssuer(string prefix)
    {
        this.prefix = prefix;
        issued = [];
        order = [];
    }

    private IdentifierIssuer(IdentifierIssuer other)
    {
        prefix = other.prefix;
        issued = new Dictionary<int, string>(other.issued);
        order = new List<int>(other.order);
    }

    /// <summary>The blank nodes in the order identifiers were issued for them.</summary>
    public IReadOnlyList<int> IssuedOrder => order;

    /// <summary>The number of identifiers issued.</summary>
    public int Count => order.Count;

    /// <summary>The issued identifier of <paramref name="node"/>, or <see langword="null"/>.</summary>
    public string? Find(int node) => issued.GetValueOrDefault(node);

    /// <summary>True when an identifier was issued for <paramref name="node"/>.</summary>
    public bool Has(int node) => issued.ContainsKey(node);

    /// <summary>Issue Identifier (RDFC-1.0 §4.5): the existing identifier, or a new one.</summary>
    public string Issue(int node)
    {
        if (issued.TryGetValue(node, out var id))
        {
            return id;
        }

        id = prefix + order.Count.ToString(CultureInfo.InvariantCulture);
        issued.Add(node, id);
        order.Add(node);
        return id;
    }

    /// <summary>A copy that issues independently of this one.</summary>
    public IdentifierIssuer Clone() => new(this);
}
