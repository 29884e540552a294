using System.Globalization;
using MicroCredentials.Codecs;
using MicroCredentials.Rdf;
using JList = System.Collections.Generic.List<object?>;
using JMap = System.Collections.Generic.Dictionary<string, object?>;

namespace MicroCredentials.JsonLd;

/// <summary>Deserialize JSON-LD to RDF (JSON-LD 1.1 API §8.1.2), with Object to RDF (§8.1.3) and List Conversion (§8.1.4).</summary>
internal sealed class RdfSerializer(NodeMap nodeMap, JsonLdOptions options)
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    private static readonly RdfTerm RdfType = RdfTerm.Iri(Rdf + "type");
    private static readonly RdfTerm RdfFirst = RdfTerm.Iri(Rdf + "first");
    private static readonly RdfTerm RdfRest = RdfTerm.Iri(Rdf + "rest");
    private static readonly RdfTerm RdfNil = RdfTerm.Iri(Rdf + "nil");
    private static readonly RdfTerm RdfValue = RdfTerm.Iri(Rdf + "value");
    private static readonly RdfTerm RdfLanguage = RdfTerm.Iri(Rdf + "language");
    private static readonly RdfTerm RdfDirection = RdfTerm.Iri(Rdf + "direction");

    /// <summary>Room for a typical credential's quads from the start (the list still grows for larger documents).</summary>
    private const int InitialQuadCapacity = 128;

    private readonly List<Quad> quads = new(InitialQuadCapacity);

    /// <summary>Lists entered by List Conversion (bounded by <see cref="CoreLimits.JsonLdMaxNestingDepth"/>).</summary>
    private int listDepth;

    public List<Quad> Serialize()
    {
        foreach (var (graphName, graph) in nodeMap.Graphs)
        {
            RdfTerm? graphTerm = null;
            if (graphName != Keywords.Default)
            {
                if (!Iri.IsWellFormedNode(graphName))
                {
                    Drop($"graph name {graphName} is not an absolute IRI");
                    continue;
                }

                graphTerm = Node(graphName);
            }

            foreach (var (subject, node) in graph)
            {
                if (!Iri.IsWellFormedNode(subject))
                {
                    Drop($"subject {subject} is not an absolute IRI");
                    continue;
                }

                SerializeNode(Node(subject), node, graphTerm);
            }
        }

        return quads;
    }

    private void SerializeNode(RdfTerm subject, JMap node, RdfTerm? graph)
    {
        foreach (var (property, values) in node)
        {
            if (property == Keywords.Type)
            {
                foreach (var type in (JList)values!)
                {
                    if (type is string t && Iri.IsWellFormedNode(t))
                    {
                        quads.Add(new Quad(subject, RdfType, Node(t), graph));
                    }
                    else
                    {
                        Drop($"type {type} is not an absolute IRI");
                    }
                }

                continue;
            }

            if (Keywords.IsKeyword(property))
            {
                continue;
            }

            if (Iri.IsBlankNode(property) && !options.ProduceGeneralizedRdf)
            {
                Drop($"property {property} is a blank node");
                continue;
            }

            if (!Iri.IsWellFormedNode(property))
            {
                Drop($"property {property} is not an absolute IRI");
                continue;
            }

            var predicate = Node(property);
            foreach (var item in (JList)values!)
            {
                var o = ObjectToRdf(item, graph);
                if (o is { } obj)
                {
                    quads.Add(new Quad(subject, predicate, obj, graph));
                }
            }
        }
    }

    private static RdfTerm Node(string id) => Iri.IsBlankNode(id) ? RdfTerm.Blank(id[2..]) : RdfTerm.Iri(id);

    private RdfTerm? ObjectToRdf(object? item, RdfTerm? graph)
    {
        if (item is not JMap map)
        {
            return null;
        }

        if (map.TryGetValue(Keywords.List, out var list))
        {
            ProcessingBudget.CheckNesting(++listDepth, null);
            var head = ListToRdf((JList)list!, graph);
            listDepth--;
            return head;
        }

        if (!map.TryGetValue(Keywords.Value, out var value))
        {
            var id = map.GetValueOrDefault(Keywords.Id) as string;
            if (id is null || !Iri.IsWellFormedNode(id))
            {
                Drop($"node reference {id} is not an absolute IRI");
                return null;
            }

            return Node(id);
        }

        var datatype = map.GetValueOrDefault(Keywords.Type) as string;
        var language = map.GetValueOrDefault(Keywords.Language) as string;
        if (datatype is not null && datatype != Keywords.Json && !Iri.IsWellFormedNode(datatype))
        {
            Drop($"datatype {datatype} is not an absolute IRI");
            return null;
        }

        if (language is not null && !IsWellFormedLanguage(language))
        {
            Drop($"language tag {language} is not well-formed");
            return null;
        }

        string lexical;
        if (datatype == Keywords.Json)
        {
            lexical = Jcs.Canonicalize(value);
            datatype = Rdf + "JSON";
        }
        else if (value is bool b)
        {
            lexical = b ? "true" : "false";
            datatype ??= Xsd + "boolean";
        }
        else if (value is double d)
        {
            if (d % 1 != 0 || Math.Abs(d) >= 1e21 || datatype == Xsd + "double")
            {
                lexical = CanonicalDouble(d);
                datatype ??= Xsd + "double";
            }
            else
            {
                lexical = d == 0 ? "0" : d.ToString("F0", CultureInfo.InvariantCulture);
                datatype ??= Xsd + "integer";
            }
        }
        else
        {
            lexical = (string)value!;
        }

        if (value is string && map.TryGetValue(Keywords.Direction, out var dir) && dir is string && options.RdfDirection is null)
        {
            // Without an rdfDirection option the direction has no RDF form and would be lost (jsonld.js: "rdfDirection not set").
            Drop($"the base direction of \"{lexical}\" has no RDF form without the rdfDirection option");
        }

        if (map.TryGetValue(Keywords.Direction, out var dirValue) && dirValue is string direction && options.RdfDirection is { } mode)
        {
            if (mode == JsonLdRdfDirection.I18nDatatype)
            {
                return RdfTerm.Literal(lexical, "https://www.w3.org/ns/i18n#" + (language ?? string.Empty) + "_" + direction);
            }

            var literal = RdfTerm.Blank(nodeMap.NewBlankNode(null)[2..]);
            quads.Add(new Quad(literal, RdfValue, RdfTerm.Literal(lexical), graph));
            if (language is not null)
            {
                quads.Add(new Quad(literal, RdfLanguage, RdfTerm.Literal(language), graph));
            }

            quads.Add(new Quad(literal, RdfDirection, RdfTerm.Literal(direction), graph));
            return literal;
        }

        return language is not null ? RdfTerm.Literal(lexical, null, language) : RdfTerm.Literal(lexical, datatype);
    }

    private RdfTerm ListToRdf(JList list, RdfTerm? graph)
    {
        if (list.Count == 0)
        {
            return RdfNil;
        }

        var nodes = new RdfTerm[list.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = RdfTerm.Blank(nodeMap.NewBlankNode(null)[2..]);
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            // Triples of the item (compound literals, nested lists) follow its rdf:first and rdf:rest, as in §8.1.4.
            var before = quads.Count;
            var o = ObjectToRdf(list[i], graph);
            var embedded = quads.GetRange(before, quads.Count - before);
            quads.RemoveRange(before, quads.Count - before);
            if (o is { } obj)
            {
                quads.Add(new Quad(nodes[i], RdfFirst, obj, graph));
            }

            quads.Add(new Quad(nodes[i], RdfRest, i + 1 < nodes.Length ? nodes[i + 1] : RdfNil, graph));
            quads.AddRange(embedded);
        }

        return nodes[0];
    }

    /// <summary>The canonical xsd:double form JSON-LD uses: <c>1.1E0</c>, <c>-5.0E-1</c> (§8.1.3 step 10).</summary>
    internal static string CanonicalDouble(double d)
    {
        var s = d.ToString("E15", CultureInfo.InvariantCulture);
        var e = s.IndexOf('E', StringComparison.Ordinal);
        var mantissa = s[..e].TrimEnd('0');
        if (mantissa.EndsWith('.'))
        {
            mantissa += "0";
        }

        var exponent = int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>BCP 47 shape as JSON-LD processors check it: <c>[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*</c>.</summary>
    internal static bool IsWellFormedLanguage(string tag)
    {
        var parts = tag.Split('-');
        if (parts[0].Length is < 1 or > 8 || !parts[0].All(char.IsAsciiLetter))
        {
            return false;
        }

        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length is < 1 or > 8 || !parts[i].All(char.IsAsciiLetterOrDigit))
            {
                return false;
            }
        }

        return true;
    }

    private void Drop(string what)
    {
        if (options.SafeMode)
        {
            throw new JsonLdException(JsonLdErrorCodes.DroppedValue, $"{what}; it would be dropped from the RDF output");
        }
    }
}
