using System.Text.Json.Nodes;

namespace MicroCredentials.Core.Tests.Differential;

internal sealed partial class CredentialMutator
{
    /// <summary>Appends <paramref name="context"/> to the document's top-level <c>@context</c> (or a wrapper's).</summary>
    private void AddContext(JsonNode document, JsonNode? context)
    {
        log.Add("context + " + (context?.ToJsonString() ?? "null"));
        if (document is not JsonObject top)
        {
            return;
        }

        switch (top["@context"])
        {
            case JsonArray contexts:
                contexts.Add(context);
                break;
            case null:
                top["@context"] = top.ContainsKey("@context") ? new JsonArray(null, context) : context;
                break;
            default:
                top["@context"] = new JsonArray(top["@context"]!.DeepClone(), context);
                break;
        }
    }

    private void ContextTrick(JsonNode document)
    {
        switch (random.Next(16))
        {
            case 0:
                AddContext(document, new JsonObject { ["@vocab"] = Pick(new[] { Ex + "vocab#", "relative#", "_:v", "https://schema.org/" }) });
                Set(RandomObject(document), "undefinedTerm" + random.Next(3), "x");
                break;
            case 1:
                AddContext(document, new JsonObject { ["@base"] = Pick(new JsonNode?[] { Ex + "base/", null, "relative/", 5 }) });
                Set(RandomObject(document), "id", Pick(new[] { "rel", "#frag", "../up", Ex + "abs" }));
                break;
            case 2:
                // Redefining a protected term (an error unless identical).
                AddContext(document, new JsonObject { [Pick(new[] { "name", "type", "id", "credentialSubject", "Achievement", "issuer", "description" })] = Ex + "redefined" });
                break;
            case 3:
                AddContext(document, Pick(new JsonNode?[] { null, new JsonObject { ["@protected"] = false }, new JsonObject { ["@protected"] = "yes" } }));
                break;
            case 4:
                AddContext(document, new JsonObject { ["@propagate"] = Pick(new JsonNode?[] { false, true, "no" }), ["p"] = Ex + "p" });
                Set(RandomObject(document), "p", RandomValue());
                break;
            case 5:
                PrefixChain(document);
                break;
            case 6:
                AddContext(document, new JsonObject
                {
                    ["foo"] = new JsonObject { ["@id"] = Ex + "foo", ["@context"] = new JsonObject { ["bar"] = Ex + "bar" } },
                });
                Set(RandomObject(document), "foo", random.Next(2) == 0 ? new JsonObject { ["bar"] = RandomValue() } : RandomValue());
                break;
            case 7:
            {
                AddContext(document, new JsonObject
                {
                    ["Foo"] = new JsonObject { ["@id"] = Ex + "Foo", ["@context"] = new JsonObject { ["bar"] = Ex + "bar", ["@propagate"] = random.Next(2) == 0 } },
                });
                var target = RandomObject(document);
                target["type"] = random.Next(2) == 0 ? "Foo" : new JsonArray("Foo", "Achievement");
                target["bar"] = new JsonObject { ["bar"] = "inner" };
                Log(target, "typed Foo with bar", target["type"]);
                break;
            }

            case 8:
                AddContext(document, Pick(new JsonNode?[]
                {
                    new JsonObject { ["@version"] = Pick(new JsonNode?[] { 1.1, 1.0, "1.1" }) },
                    new JsonObject { ["@language"] = Pick(new JsonNode?[] { "en", "EN-gb", 5, null }) },
                    new JsonObject { ["@direction"] = Pick(new JsonNode?[] { "rtl", "up", null }) },
                    new JsonObject { ["@import"] = Pick(new JsonNode?[] { "https://www.w3.org/ns/credentials/status/v1", Ex + "missing", 3 }) },
                }));
                break;
            case 9:
                AddContext(document, new JsonObject { ["@type"] = Pick(new JsonNode?[] { new JsonObject { ["@container"] = "@set" }, new JsonObject { ["@id"] = Ex + "t" }, "x" }) });
                break;
            case 10:
                KeywordAlias(document);
                break;
            case 11:
                AddContext(document, Pick(new JsonNode?[] { Ex + "unknown-context", "relative-context", 7, new JsonArray() }));
                break;
            case 12:
                ShuffleContexts(document);
                break;
            case 13:
            {
                // An embedded context on a nested node.
                var target = RandomObject(document);
                target["@context"] = Pick(new JsonNode?[]
                {
                    new JsonObject { ["inner"] = Ex + "inner" },
                    null,
                    new JsonObject { ["@vocab"] = Ex + "v#" },
                    new JsonObject { ["name"] = Ex + "name" },
                    "https://www.w3.org/ns/credentials/v2",
                });
                target["inner"] = "x";
                Log(target, "embedded @context", target["@context"]);
                break;
            }

            case 14:
                AddContext(document, new JsonObject
                {
                    ["term"] = new JsonObject
                    {
                        ["@id"] = Pick(new JsonNode?[] { Ex + "term", "_:bterm", "@type", "@id", "relative", null, 5, "ex:term" }),
                        [Pick(new[] { "@type", "@container", "@language", "@reverse", "@prefix", "@nest", "@protected", "@index" })] =
                            Pick(new JsonNode?[] { "@id", "@vocab", "@list", "@set", "@language", "@index", "@graph", true, "en", Ex + "T", null }),
                    },
                });
                Set(RandomObject(document), "term", RandomValue());
                break;
            default:
                AddContext(document, new JsonObject { [Ex + "iri-term"] = Ex + "other", ["ex:x"] = Ex + "x", ["ex"] = Ex });
                Set(RandomObject(document), Ex + "iri-term", "x");
                break;
        }
    }

    private void Set(JsonObject target, string key, JsonNode? value)
    {
        target[key] = value;
        Log(target, "set " + key, value);
    }

    private void PrefixChain(JsonNode document)
    {
        var length = 2 + random.Next(20);
        var context = new JsonObject();
        for (var i = 0; i < length - 1; i++)
        {
            context["a" + i] = $"a{i + 1}:x";
        }

        context["a" + (length - 1)] = random.Next(4) == 0 ? "a0:loop" : Ex;
        AddContext(document, context);
        Set(RandomObject(document), "a0:y", RandomValue());
    }

    private void KeywordAlias(JsonNode document)
    {
        var (term, definition) = Pick(new (string, JsonNode)[]
        {
            ("ident", "@id"),
            ("lst", new JsonObject { ["@id"] = Ex + "l", ["@container"] = "@list" }),
            ("nst", "@nest"),
            ("rev", new JsonObject { ["@reverse"] = Ex + "r" }),
            ("inc", "@included"),
            ("g", new JsonObject { ["@id"] = Ex + "g", ["@container"] = "@graph" }),
            ("lang", new JsonObject { ["@id"] = Ex + "lang", ["@container"] = "@language" }),
            ("idx", new JsonObject { ["@id"] = Ex + "idx", ["@container"] = "@index" }),
            ("idm", new JsonObject { ["@id"] = Ex + "idm", ["@container"] = "@id" }),
            ("tm", new JsonObject { ["@id"] = Ex + "tm", ["@container"] = "@type" }),
            ("val", "@value"),
            ("st", "@set"),
        });
        AddContext(document, new JsonObject { [term] = definition });
        Set(RandomObject(document), term, random.Next(3) switch
        {
            0 => new JsonObject { ["en"] = "x", ["a"] = new JsonObject { ["name"] = "y" } },
            1 => new JsonArray(new JsonArray("x"), "y"),
            _ => RandomValue(),
        });
    }

    private void ShuffleContexts(JsonNode document)
    {
        if (document is not JsonObject { } top || top["@context"] is not JsonArray contexts || contexts.Count < 2)
        {
            return;
        }

        var items = contexts.Select(c => c?.DeepClone()).ToList();
        switch (random.Next(3))
        {
            case 0:
                items.RemoveAt(random.Next(items.Count));
                break;
            case 1:
                items.Add(items[random.Next(items.Count)]?.DeepClone());
                break;
            default:
                (items[0], items[^1]) = (items[^1], items[0]);
                break;
        }

        top["@context"] = new JsonArray([.. items]);
        log.Add("contexts now " + top["@context"]!.ToJsonString());
    }
}
