using System.Text.Json.Nodes;

namespace MicroCredentials.Core.Tests.Verification.Schemas;

/// <summary>
/// Variants of a JSON document, each differing from it in one place: every member removed, every value replaced by
/// values of every JSON type (and by near-misses of dates and enumerations), every object given an unknown member,
/// every array emptied, shortened and wrapped. Used to hold the compiled schema to a reference implementation.
/// </summary>
internal static class SchemaMutants
{
    private static readonly Func<JsonNode?, JsonNode?>[] Replacements =
    [
        _ => null,
        _ => 0,
        _ => -1,
        _ => 1.5,
        _ => 7,
        _ => true,
        _ => "",
        _ => "x",
        _ => "ext:Custom_1",
        _ => "https://example.org/x",
        _ => "2026-02-30T10:00:00Z",
        _ => "2026-02-10T09:30:15.5+01:00",
        _ => "2026-02-10T09:30:15",
        _ => "2026-02-10",
        _ => new JsonObject(),
        _ => new JsonArray(),
        _ => new JsonArray("x"),
        node => new JsonArray(node?.DeepClone()),
        node => node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? (JsonNode)(v.GetValue<string>() + "x") : null,
    ];

    /// <summary>The variants with a description of the change.</summary>
    public static IEnumerable<(string Change, JsonNode Document)> Of(JsonNode document)
    {
        foreach (var (path, node) in Walk(document, []))
        {
            var where = "/" + string.Join("/", path);
            if (path.Count > 0)
            {
                foreach (var replace in Replacements)
                {
                    var copy = document.DeepClone();
                    var replacement = replace(node);
                    Set(copy, path, replacement);
                    yield return ($"{where} := {replacement?.ToJsonString() ?? "null"}", copy);
                }

                if (path[^1] is string)
                {
                    var copy = document.DeepClone();
                    ((JsonObject)At(copy, path[..^1])!).Remove((string)path[^1]);
                    yield return ($"{where} removed", copy);
                }
            }

            if (node is JsonObject)
            {
                var copy = document.DeepClone();
                ((JsonObject)At(copy, path)!)["zzzUnknown"] = 1;
                yield return ($"{where} + unknown member", copy);
            }

            if (node is JsonArray { Count: > 0 })
            {
                var shorter = document.DeepClone();
                ((JsonArray)At(shorter, path)!).RemoveAt(0);
                yield return ($"{where} first item removed", shorter);
                var empty = document.DeepClone();
                ((JsonArray)At(empty, path)!).Clear();
                yield return ($"{where} emptied", empty);
            }
        }
    }

    private static IEnumerable<(List<object> Path, JsonNode? Node)> Walk(JsonNode? node, List<object> path)
    {
        yield return (path, node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    foreach (var inner in Walk(value, [.. path, name]))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var inner in Walk(array[i], [.. path, i]))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static JsonNode? At(JsonNode? root, IEnumerable<object> path) =>
        path.Aggregate(root, (node, token) => token is int i ? node![i] : node![(string)token]);

    private static void Set(JsonNode root, List<object> path, JsonNode? value)
    {
        var parent = At(root, path[..^1])!;
        if (path[^1] is int i)
        {
            parent[i] = value;
        }
        else
        {
            parent[(string)path[^1]] = value;
        }
    }
}
