using System.Text.Json.Nodes;

namespace MicroCredentials.Core.Tests.Differential;

/// <summary>
/// A seeded generator of mutated credentials for the JSON-LD differential test: each case is the genuine signed
/// credential with one to three mutations — keyword insertions at any level, context tricks, type confusion,
/// value-object games, @list/@set, @graph, @included, @reverse, @nest and @json.
/// </summary>
internal sealed partial class CredentialMutator(JsonObject genuine, int seed)
{
    private const string Ex = "http://example.org/";

    private static readonly string[] Keywords =
    [
        "@set", "@propagate", "@import", "@included", "@graph", "@language", "@value", "@type", "@id", "@list", "@reverse",
        "@nest", "@json", "@index", "@direction", "@context", "@version", "@vocab", "@base", "@protected", "@container",
        "@none", "@prefix", "@foo", "@default", "@embed", "@explicit", "@",
    ];

    private readonly Random random = new(seed);
    private readonly List<string> log = [];

    /// <summary>The next mutated copy of the genuine credential, with a line per mutation applied.</summary>
    public (JsonNode Document, string Mutations) Next()
    {
        JsonNode document = genuine.DeepClone();
        log.Clear();
        var mutations = 1 + random.Next(3);
        for (var i = 0; i < mutations; i++)
        {
            document = Mutate(document);
        }

        return (document, string.Join("; ", log));
    }

    private void Log(JsonNode target, string what, JsonNode? value) =>
        log.Add($"{what} at {target.GetPath()}: {(value?.ToJsonString() ?? "null")}");

    private JsonNode Mutate(JsonNode document)
    {
        switch (random.Next(12))
        {
            case 0:
            case 1:
                InsertKeyword(document);
                return document;
            case 2:
            case 3:
                ContextTrick(document);
                return document;
            case 4:
                ConfuseType(document);
                return document;
            case 5:
                ValueGame(document);
                return document;
            case 6:
                ListOrSet(document);
                return document;
            case 7:
                return Graph(document);
            case 8:
                Included(document);
                return document;
            case 9:
                Reverse(document);
                return document;
            case 10:
                Nest(document);
                return document;
            default:
                Json(document);
                return document;
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Every object of the document (outside <c>@context</c>), the document itself first.</summary>
    private static List<JsonObject> Objects(JsonNode document)
    {
        var found = new List<JsonObject>();
        Walk(document);
        return found;

        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    found.Add(o);
                    foreach (var (k, v) in o)
                    {
                        if (k != "@context")
                        {
                            Walk(v);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var v in a)
                    {
                        Walk(v);
                    }

                    break;
            }
        }
    }

    /// <summary>Every (object, key) slot of the document outside <c>@context</c>.</summary>
    private static List<(JsonObject Parent, string Key)> Slots(JsonNode document)
    {
        var slots = new List<(JsonObject, string)>();
        foreach (var o in Objects(document))
        {
            foreach (var (k, _) in o)
            {
                if (k != "@context")
                {
                    slots.Add((o, k));
                }
            }
        }

        return slots;
    }

    private JsonObject RandomObject(JsonNode document) => Pick(Objects(document));

    private JsonNode? RandomValue(int depth = 0)
    {
        switch (random.Next(depth > 1 ? 9 : 16))
        {
            case 0: return null;
            case 1: return random.Next(2) == 0;
            case 2: return random.Next(-2, 1000);
            case 3: return 1.5;
            case 4: return Pick(new[] { "x", "en", "ltr", Ex + "x", "urn:x", "_:b9", "relative/x", "@id", "2026-01-01T00:00:00Z" });
            case 5: return new JsonObject();
            case 6: return new JsonArray();
            case 7: return new JsonArray("x", 1);
            case 8: return new JsonObject { ["@id"] = Ex + "y" };
            case 9: return new JsonObject { ["@value"] = "x" };
            case 10: return new JsonObject { ["@list"] = new JsonArray("a", RandomValue(depth + 1)) };
            case 11: return new JsonObject { ["@set"] = new JsonArray("a") };
            case 12: return new JsonObject { ["name"] = "n", ["id"] = Ex + "node" };
            case 13: return new JsonObject { [Pick(Keywords)] = RandomValue(depth + 1) };
            case 14: return new JsonArray(RandomValue(depth + 1), RandomValue(depth + 1));
            default: return new JsonObject { ["type"] = "Achievement", ["name"] = RandomValue(depth + 1) };
        }
    }

    private void InsertKeyword(JsonNode document)
    {
        var target = RandomObject(document);
        var keyword = Pick(Keywords);
        target[keyword] = RandomValue();
        Log(target, "insert " + keyword, target[keyword]);
    }

    private void ConfuseType(JsonNode document)
    {
        var slots = Slots(document);
        if (slots.Count == 0)
        {
            return;
        }

        var (parent, key) = Pick(slots);
        var original = parent[key];
        parent[key] = random.Next(10) switch
        {
            0 => "x",
            1 => 3,
            2 => 2.5,
            3 => random.Next(2) == 0,
            4 => null,
            5 => new JsonArray(original?.DeepClone()),
            6 => new JsonObject { ["id"] = Ex + "x" },
            7 => new JsonObject(),
            8 => original?.ToJsonString(),
            _ => new JsonArray(),
        };
        Log(parent, "type confusion " + key, parent[key]);
    }

    private void ValueGame(JsonNode document)
    {
        var slots = Slots(document).Where(s => s.Parent[s.Key] is JsonValue).ToList();
        if (slots.Count == 0)
        {
            return;
        }

        var (parent, key) = Pick(slots);
        var v = parent[key]!.DeepClone();
        parent[key] = random.Next(11) switch
        {
            0 => new JsonObject { ["@value"] = v, ["@language"] = "en" },
            1 => new JsonObject { ["@value"] = v, ["@type"] = "http://www.w3.org/2001/XMLSchema#string" },
            2 => new JsonObject { ["@value"] = v, ["@type"] = "xsd:foo" },
            3 => new JsonObject { ["@value"] = 5, ["@language"] = "en" },
            4 => new JsonObject { ["@value"] = v, ["@direction"] = "ltr" },
            5 => new JsonObject { ["@value"] = v, ["@language"] = "not a tag!" },
            6 => new JsonObject { ["@value"] = new JsonObject() },
            7 => new JsonObject { ["@value"] = v, ["@index"] = "i" },
            8 => new JsonObject { ["@value"] = v, ["extra"] = 1 },
            9 => new JsonObject { ["@value"] = v, ["@type"] = "@json" },
            _ => new JsonObject { ["@value"] = v, ["@language"] = "en", ["@type"] = Ex + "t" },
        };
        Log(parent, "value game " + key, parent[key]);
    }

    private void ListOrSet(JsonNode document)
    {
        var slots = Slots(document);
        var (parent, key) = Pick(slots);
        var v = parent[key]?.DeepClone();
        parent[key] = random.Next(6) switch
        {
            0 => new JsonObject { ["@list"] = new JsonArray(v) },
            1 => new JsonObject { ["@set"] = new JsonArray(v) },
            2 => new JsonObject { ["@list"] = v, ["@index"] = "i" },
            3 => new JsonObject { ["@set"] = v, ["extra"] = 1 },
            4 => new JsonObject { ["@list"] = new JsonArray(new JsonObject { ["@list"] = new JsonArray(v) }) },
            _ => new JsonObject { ["@set"] = new JsonObject { ["@list"] = new JsonArray(v) } },
        };
        Log(parent, "list/set " + key, parent[key]);
    }

    private JsonNode Graph(JsonNode document)
    {
        if (random.Next(3) == 0 && document is JsonObject top && top["@context"] is { } context)
        {
            // The whole credential as the default graph of a wrapper document.
            top.Remove("@context");
            log.Add("whole document wrapped in @graph");
            return new JsonObject { ["@context"] = context, ["@graph"] = random.Next(2) == 0 ? new JsonArray(top) : top };
        }

        var slots = Slots(document).Where(s => s.Parent[s.Key] is JsonObject).ToList();
        if (slots.Count == 0)
        {
            return document;
        }

        var (parent, key) = Pick(slots);
        var node = parent[key]!.DeepClone();
        parent[key] = random.Next(3) switch
        {
            0 => new JsonObject { ["@graph"] = node },
            1 => new JsonObject { ["@id"] = Ex + "g", ["@graph"] = new JsonArray(node) },
            _ => new JsonObject { ["@graph"] = RandomValue() },
        };
        log.Add($"@graph wrap at {parent.GetPath()}.{key}");
        return document;
    }

    private void Included(JsonNode document)
    {
        var target = RandomObject(document);
        target["@included"] = random.Next(3) switch
        {
            0 => new JsonArray(new JsonObject { ["id"] = Ex + "inc", ["name"] = "included" }),
            1 => new JsonObject { ["type"] = "Achievement", ["name"] = "x" },
            _ => RandomValue(),
        };
        Log(target, "@included", target["@included"]);
    }

    private void Reverse(JsonNode document)
    {
        var target = RandomObject(document);
        target["@reverse"] = random.Next(4) switch
        {
            0 => new JsonObject { ["name"] = new JsonObject { ["id"] = Ex + "z" } },
            1 => new JsonObject { [Ex + "r"] = new JsonObject { ["id"] = Ex + "z" } },
            2 => new JsonObject { [Ex + "r"] = "literal" },
            _ => RandomValue(),
        };
        Log(target, "@reverse", target["@reverse"]);
    }

    private void Nest(JsonNode document)
    {
        var target = RandomObject(document);
        target["@nest"] = random.Next(3) switch
        {
            0 => new JsonObject { ["name"] = "nested" },
            1 => new JsonObject { ["@value"] = "x" },
            _ => RandomValue(),
        };
        Log(target, "@nest", target["@nest"]);
    }

    private void Json(JsonNode document)
    {
        AddContext(document, new JsonObject { ["j"] = new JsonObject { ["@id"] = Ex + "j", ["@type"] = "@json" } });
        var target = RandomObject(document);
        target["j"] = RandomValue();
        Log(target, "@json term j", target["j"]);
    }
}
