using System.Globalization;
using JList = System.Collections.Generic.List<object?>;
using JMap = System.Collections.Generic.Dictionary<string, object?>;

namespace MicroCredentials.JsonLd;

/// <summary>
/// Node Map Generation (JSON-LD 1.1 API §7.2.2) over an expanded document, with the blank node identifier
/// generator (labels <c>_:b0</c>, <c>_:b1</c>, … in document order) shared with toRdf.
/// </summary>
internal sealed class NodeMap
{
    private readonly Dictionary<string, string> blankNodes = new(StringComparer.Ordinal);
    private int counter;

    /// <summary>Node, value and list objects entered (bounded by <see cref="CoreLimits.JsonLdMaxNestingDepth"/>).</summary>
    private int depth;

    /// <summary>Graph name (<c>@default</c> for the default graph) → subject → node.</summary>
    public Dictionary<string, Dictionary<string, JMap>> Graphs { get; } = new(StringComparer.Ordinal);

    /// <summary>Generate Blank Node Identifier (§7.2.1); <see langword="null"/> makes a fresh one.</summary>
    public string NewBlankNode(string? identifier)
    {
        if (identifier is not null && blankNodes.TryGetValue(identifier, out var existing))
        {
            return existing;
        }

        var label = "_:b" + counter.ToString(CultureInfo.InvariantCulture);
        counter++;
        if (identifier is not null)
        {
            blankNodes[identifier] = label;
        }

        return label;
    }

    public void Add(object? element, string activeGraph, object? activeSubject, string? activeProperty, JMap? list)
    {
        // Step 1.
        if (element is JList items)
        {
            foreach (var item in items)
            {
                Add(item, activeGraph, activeSubject, activeProperty, list);
            }

            return;
        }

        if (element is not JMap map)
        {
            return;
        }

        // Value objects end the recursion; node, graph and list objects nest.
        if (map.ContainsKey(Keywords.Value))
        {
            AddMap(map, activeGraph, activeSubject, activeProperty, list);
            return;
        }

        ProcessingBudget.CheckNesting(++depth, null);
        AddMap(map, activeGraph, activeSubject, activeProperty, list);
        depth--;
    }

    private void AddMap(JMap map, string activeGraph, object? activeSubject, string? activeProperty, JMap? list)
    {
        // Step 2.
        if (!Graphs.TryGetValue(activeGraph, out var graph))
        {
            graph = new Dictionary<string, JMap>(StringComparer.Ordinal);
            Graphs[activeGraph] = graph;
        }

        var subjectNode = activeSubject is string s ? graph[s] : null;
        if (list is null && (subjectNode is null || activeProperty is null) && (map.ContainsKey(Keywords.Value) || map.ContainsKey(Keywords.List)))
        {
            // Expansion drops free-floating values and lists; one that gets here has no subject to attach to.
            throw new JsonLdException(JsonLdErrorCodes.DroppedValue, "a value or list object outside any node object would be dropped");
        }

        // Step 4: value objects.
        if (map.ContainsKey(Keywords.Value))
        {
            if (list is null)
            {
                AddUnique(subjectNode!, activeProperty!, map);
            }
            else
            {
                ((JList)list[Keywords.List]!).Add(map);
            }

            return;
        }

        // Step 5: list objects.
        if (map.TryGetValue(Keywords.List, out var listValue))
        {
            var result = new JMap { [Keywords.List] = new JList() };
            Add(listValue, activeGraph, activeSubject, activeProperty, result);
            if (list is null)
            {
                GetList(subjectNode!, activeProperty!).Add(result);
            }
            else
            {
                ((JList)list[Keywords.List]!).Add(result);
            }

            return;
        }

        AddNode(map, graph, subjectNode, activeGraph, activeSubject, activeProperty, list);
    }

    /// <summary>Step 6: node objects.</summary>
    private void AddNode(JMap map, Dictionary<string, JMap> graph, JMap? subjectNode, string activeGraph, object? activeSubject, string? activeProperty, JMap? list)
    {
        string id;
        var hasId = map.TryGetValue(Keywords.Id, out var idValue);
        if (hasId && idValue is null)
        {
            // An @id that expanded to null (a keyword-like value): the node is ignored.
            return;
        }

        if (idValue is string given)
        {
            id = Iri.IsBlankNode(given) ? NewBlankNode(given) : given;
        }
        else
        {
            id = NewBlankNode(null);
        }

        if (!graph.TryGetValue(id, out var node))
        {
            node = new JMap(StringComparer.Ordinal) { [Keywords.Id] = id };
            graph[id] = node;
        }

        if (activeSubject is JMap reverseSubject)
        {
            AddUnique(node, activeProperty!, reverseSubject);
        }
        else if (activeProperty is not null)
        {
            var reference = new JMap { [Keywords.Id] = id };
            if (list is null)
            {
                AddUnique(subjectNode!, activeProperty, reference);
            }
            else
            {
                ((JList)list[Keywords.List]!).Add(reference);
            }
        }

        if (map.TryGetValue(Keywords.Type, out var types))
        {
            var nodeTypes = GetList(node, Keywords.Type);
            foreach (var t in JsonModel.AsList(types))
            {
                var type = t is string ts && Iri.IsBlankNode(ts) ? NewBlankNode(ts) : t;
                if (!nodeTypes.Contains(type))
                {
                    nodeTypes.Add(type);
                }
            }
        }

        if (map.TryGetValue(Keywords.Index, out var index))
        {
            if (node.TryGetValue(Keywords.Index, out var existing) && !JsonModel.DeepEquals(existing, index))
            {
                throw new JsonLdException(JsonLdErrorCodes.ConflictingIndexes, $"node {id} has two different @index values");
            }

            node[Keywords.Index] = index;
        }

        if (map.TryGetValue(Keywords.Reverse, out var reverse) && reverse is JMap reverseMap)
        {
            var referenced = new JMap { [Keywords.Id] = id };
            foreach (var (property, values) in reverseMap)
            {
                foreach (var value in JsonModel.AsList(values))
                {
                    Add(value, activeGraph, referenced, property, null);
                }
            }
        }

        if (map.TryGetValue(Keywords.Graph, out var graphValue))
        {
            Add(graphValue, id, null, null, null);
        }

        if (map.TryGetValue(Keywords.Included, out var included))
        {
            Add(included, activeGraph, null, null, null);
        }

        foreach (var (key, value) in map)
        {
            if (key is Keywords.Id or Keywords.Type or Keywords.Index or Keywords.Reverse or Keywords.Graph or Keywords.Included)
            {
                continue;
            }

            if (key.Length > 1 && key[0] == '@' && (Keywords.IsKeyword(key) || Keywords.IsFramingKeyword(key)))
            {
                // Other keyword entries (@language, @vocab, framing keywords …) carry no statements (jsonld.js copies
                // them without mapping what they hold).
                continue;
            }

            var property = Iri.IsBlankNode(key) ? NewBlankNode(key) : key;
            GetList(node, property);
            Add(value, activeGraph, id, property, null);
        }
    }

    private static JList GetList(JMap node, string property)
    {
        if (node.TryGetValue(property, out var existing) && existing is JList l)
        {
            return l;
        }

        var created = new JList();
        node[property] = created;
        return created;
    }

    private static void AddUnique(JMap node, string property, JMap value)
    {
        var values = GetList(node, property);
        foreach (var v in values)
        {
            if (JsonModel.DeepEquals(v, value))
            {
                return;
            }
        }

        values.Add(value);
    }
}
