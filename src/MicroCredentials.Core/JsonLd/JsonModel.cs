using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JList = System.Collections.Generic.List<object?>;
using JMap = System.Collections.Generic.Dictionary<string, object?>;

namespace MicroCredentials.JsonLd;

/// <summary>
/// The processor's internal JSON model: <see langword="null"/>, <see cref="bool"/>, <see cref="double"/> (every
/// JSON number, as JavaScript processors see it), <see cref="string"/>, <c>List&lt;object?&gt;</c> and
/// <c>Dictionary&lt;string, object?&gt;</c>. Cheaper than <see cref="JsonNode"/> (no parent links, free sharing).
/// </summary>
internal static class JsonModel
{
    /// <summary>Converts a JSON node; deeper than <see cref="CoreLimits.JsonLdMaxNestingDepth"/> raises <c>nesting too deep</c>.</summary>
    public static object? FromNode(JsonNode? node) => FromNode(node, 0);

    private static object? FromNode(JsonNode? node, int depth)
    {
        if (node is JsonObject or JsonArray)
        {
            ProcessingBudget.CheckNesting(++depth, null);
        }

        switch (node)
        {
            case null:
                return null;
            case JsonObject o:
            {
                var map = new JMap(o.Count, StringComparer.Ordinal);
                foreach (var (k, v) in o)
                {
                    map[k] = FromNode(v, depth);
                }

                return map;
            }

            case JsonArray a:
            {
                var list = new JList(a.Count);
                foreach (var v in a)
                {
                    list.Add(FromNode(v, depth));
                }

                return list;
            }

            default:
                var value = node.AsValue();
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        return value.GetValue<string>();
                    case JsonValueKind.True:
                        return true;
                    case JsonValueKind.False:
                        return false;
                    case JsonValueKind.Null:
                        return null;
                    case JsonValueKind.Number:
                        if (value.TryGetValue<double>(out var d))
                        {
                            return d;
                        }

                        return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                    default:
                        throw new InvalidOperationException($"Unexpected JSON value kind {value.GetValueKind()}.");
                }
        }
    }

    public static JsonNode? ToNode(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return JsonValue.Create(s);
            case bool b:
                return JsonValue.Create(b);
            case double d:
                return JsonValue.Create(d);
            case JMap map:
            {
                var o = new JsonObject();
                foreach (var (k, v) in map)
                {
                    o[k] = ToNode(v);
                }

                return o;
            }

            case JList list:
            {
                var a = new JsonArray();
                foreach (var v in list)
                {
                    a.Add(ToNode(v));
                }

                return a;
            }

            default:
                throw new InvalidOperationException($"Unexpected value type {value.GetType()} in the JSON model.");
        }
    }

    public static bool IsScalar(object? v) => v is string or double or bool;

    /// <summary>Deep equality of two JSON values (object key order ignored, array order significant).</summary>
    public static bool DeepEquals(object? a, object? b)
    {
        switch (a)
        {
            case null:
                return b is null;
            case string s:
                return b is string t && string.Equals(s, t, StringComparison.Ordinal);
            case bool x:
                return b is bool y && x == y;
            case double dx:
                return b is double dy && dx.Equals(dy);
            case JList la:
                if (b is not JList lb || la.Count != lb.Count)
                {
                    return false;
                }

                for (var i = 0; i < la.Count; i++)
                {
                    if (!DeepEquals(la[i], lb[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JMap ma:
                if (b is not JMap mb || ma.Count != mb.Count)
                {
                    return false;
                }

                foreach (var (k, v) in ma)
                {
                    if (!mb.TryGetValue(k, out var w) || !DeepEquals(v, w))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    public static JList AsList(object? v) => v as JList ?? [v];
}
