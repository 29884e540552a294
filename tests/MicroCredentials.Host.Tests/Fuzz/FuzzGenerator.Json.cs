using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.Host.Tests.Fuzz;

internal sealed partial class FuzzGenerator
{
    private const string Placeholder = "\"__fuzz_placeholder__\"";

    private static readonly string[] Keywords =
    [
        "@set", "@propagate", "@import", "@included", "@graph", "@language", "@reverse", "@index", "@nest", "@list", "@value",
        "@type", "@id", "@vocab", "@base", "@protected", "@version", "@direction", "@json", "@none", "@context", "@prefix", "@unknown",
    ];

    private static readonly string[] InternalUrls =
    [
        "https://127.0.0.1/status/1", "https://2130706433/status/1", "https://0x7f.1/status/1", "https://0177.0.0.1/x",
        "https://[::1]/status/1", "https://[::ffff:127.0.0.1]/x", "https://localhost:5000/status/1", "https://10.0.0.1/x",
        "https://169.254.169.254/latest/meta-data/", "http://localhost/status/1", "https://127.0.0.1:22/", "file:///etc/passwd",
    ];

    /// <summary>A mutated credential JSON for <paramref name="cls"/>, as bytes (some classes are not valid UTF-8 or JSON).</summary>
    private byte[] JsonCase(Random rng, string cls)
    {
        var text = Encoding.UTF8.GetBytes(JsonText(rng, cls));
        return cls == "json-invalid-utf8" ? InvalidUtf8(rng, text) : text;
    }

    /// <summary>A mutated credential as text (also used inside PNG, SVG and PDF cases).</summary>
    private string JsonText(Random rng, string cls)
    {
        var doc = JsonNode.Parse(genuine.Json)!.AsObject();
        switch (cls)
        {
            case "json-rewrite":
                return Rewrite(rng, doc);
            case "json-type-confusion":
                return Replace(rng, doc, RandomValueJson(rng));
            case "json-delete":
                Delete(rng, doc);
                return doc.ToJsonString();
            case "json-duplicate-member":
                return Duplicate(rng, doc);
            case "json-deep-nesting":
                var depth = Pick(rng, [65, 200, 1_000, 10_000, 100_000]);
                return Replace(rng, doc, rng.Next(2) == 0 ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));
            case "json-huge-number":
                return Replace(rng, doc, Pick(rng, ["1" + new string('0', Pick(rng, [400, 5_000, 100_000])), "1e999999", "-1e-999999", "-0",
                    "123456789012345678901234567890.123456789", "9223372036854775808", "-9223372036854775809", "1E+308", "4.9e-324", "0.1e1000"]));
            case "json-huge-string":
                // Quoted by hand: a letter needs no escaping, and the serializer's pooled buffers (16 MiB for 3 M characters)
                // would stay in this process's ArrayPool and be counted as the host's retained memory.
                return Replace(rng, doc, "\"" + new string((char)('a' + rng.Next(26)), Pick(rng, [10_000, 100_000, 1_000_000, 3_000_000])) + "\"");
            case "json-invalid-utf8":
                return doc.ToJsonString();
            case "json-lone-surrogate":
                var surrogate = Pick(rng, ["\"\\uD800\"", "\"x\\uDFFF\"", "\"\\uD83D\"", "\"\\uDE00\\uD83D\"", "\"a\\uDBFFz\""]);
                return rng.Next(3) == 0 ? InsertMember(rng, doc, surrogate[1..^1], "1") : Replace(rng, doc, surrogate);
            case "jsonld-keyword":
                return InsertMember(rng, doc, Pick(rng, Keywords), Pick(rng, ["null", "{}", "[]", "\"x\"", "true", "1", "{\"@id\":\"urn:x\"}",
                    "[{\"@value\":\"x\"}]", "{\"@value\":\"x\",\"@language\":\"en\"}", "\"@json\"", "{\"@list\":[1]}"]));
            case "jsonld-context":
                return Context(rng, doc);
            case "jsonld-prefix-chain":
                return PrefixChain(rng, doc);
            case "json-proof":
                return Proof(rng, doc);
            case "json-status":
                return Status(rng, doc);
            default:
                throw new ArgumentOutOfRangeException(nameof(cls), cls, "not a JSON class");
        }
    }

    /// <summary>Every (container, member name or index) of the tree.</summary>
    private static List<(JsonNode Container, string? Name, int Index)> Slots(JsonNode root)
    {
        var slots = new List<(JsonNode, string?, int)>();
        void Walk(JsonNode node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, child) in o.ToList())
                    {
                        slots.Add((o, name, -1));
                        if (child is not null)
                        {
                            Walk(child);
                        }
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        slots.Add((a, null, i));
                        if (a[i] is { } child)
                        {
                            Walk(child);
                        }
                    }

                    break;
            }
        }

        Walk(root);
        return slots;
    }

    private static List<JsonObject> Objects(JsonNode root) => [root.AsObject(), .. Slots(root).Select(s => s.Name is null ? s.Container[s.Index] : s.Container[s.Name]).OfType<JsonObject>()];

    /// <summary>Replaces a random slot's value with raw JSON text (which may be anything, even invalid).</summary>
    private static string Replace(Random rng, JsonObject doc, string rawValue)
    {
        var (container, name, index) = Pick(rng, Slots(doc));
        if (name is null)
        {
            container.AsArray()[index] = "__fuzz_placeholder__";
        }
        else
        {
            container.AsObject()[name] = "__fuzz_placeholder__";
        }

        return doc.ToJsonString().Replace(Placeholder, rawValue, StringComparison.Ordinal);
    }

    private static string InsertMember(Random rng, JsonObject doc, string name, string rawValue)
    {
        var target = Pick(rng, Objects(doc));
        target["__fuzz_member__"] = "__fuzz_placeholder__";
        return doc.ToJsonString().Replace("\"__fuzz_member__\":" + Placeholder, JsonSerializer.Serialize(name) + ":" + rawValue, StringComparison.Ordinal);
    }

    private static void Delete(Random rng, JsonObject doc)
    {
        var (container, name, index) = Pick(rng, Slots(doc));
        if (name is null)
        {
            container.AsArray().RemoveAt(index);
        }
        else
        {
            container.AsObject().Remove(name);
        }
    }

    private static string Duplicate(Random rng, JsonObject doc)
    {
        var target = Pick(rng, Objects(doc).Where(o => o.Count > 0).ToList());
        var (name, value) = Pick(rng, target.ToList());
        var repeated = rng.Next(2) == 0 ? value?.ToJsonString() ?? "null" : RandomValueJson(rng);
        target["__fuzz_member__"] = "__fuzz_placeholder__";
        return doc.ToJsonString().Replace("\"__fuzz_member__\":" + Placeholder, JsonSerializer.Serialize(name) + ":" + repeated, StringComparison.Ordinal);
    }

    private static string RandomValueJson(Random rng) => rng.Next(16) switch
    {
        0 => "null",
        1 => "true",
        2 => "false",
        3 => "0",
        4 => "-1",
        5 => "1.5e308",
        6 => "\"\"",
        7 => "[]",
        8 => "{}",
        9 => "[\"x\",{\"y\":[null]}]",
        10 => "{\"@value\":\"x\"}",
        11 => "{\"@id\":\"urn:fuzz\"}",
        12 => "\"https://example.org/x\"",
        13 => "\"" + new string('x', 1_000) + "\"",
        14 => "{\"id\":\"did:web:evil.example\",\"type\":\"Profile\"}",
        _ => "[[[[[[[[[[1]]]]]]]]]]",
    };

    /// <summary>An RDF-identical rewrite: shuffled member order, whitespace, escaped letters, a BOM.</summary>
    private static string Rewrite(Random rng, JsonObject doc)
    {
        Shuffle(rng, doc);
        var text = doc.ToJsonString(new JsonSerializerOptions { WriteIndented = rng.Next(2) == 0 });
        switch (rng.Next(4))
        {
            case 0:
                text = EscapeLetters(rng, text);
                break;
            case 1:
                text = "\uFEFF" + text;
                break;
            case 2:
                text = "\n\t  " + text + " \r\n";
                break;
        }

        return text;
    }

    private static void Shuffle(Random rng, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var members = o.ToList();
                o.Clear();
                foreach (var (name, value) in members.OrderBy(_ => rng.Next()))
                {
                    o[name] = value;
                    Shuffle(rng, value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Shuffle(rng, item);
                }

                break;
        }
    }

    // Escapes some letters inside strings as \u00XX: the same JSON text value.
    private static string EscapeLetters(Random rng, string text)
    {
        var sb = new StringBuilder(text.Length + 64);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString && c == '\\')
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }

            if (c == '"')
            {
                inString = !inString;
            }

            sb.Append(inString && char.IsAsciiLetter(c) && rng.Next(10) == 0 ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c);
        }

        return sb.ToString();
    }

    private static byte[] InvalidUtf8(Random rng, byte[] text)
    {
        byte[][] bad = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xC3], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFE, 0xFF]];
        var quotes = text.Select((b, i) => (b, i)).Where(p => p.b == (byte)'"').Select(p => p.i).ToList();
        var at = Pick(rng, quotes) + 1;
        return [.. text[..at], .. Pick(rng, bad), .. text[at..]];
    }

    private static string Context(Random rng, JsonObject doc)
    {
        var context = doc["@context"]!.AsArray();
        switch (rng.Next(9))
        {
            case 0:
                doc["@context"] = Pick<JsonNode?>(rng, [null, "https://www.w3.org/ns/credentials/v2", JsonValue.Create(1), new JsonObject()]);
                break;
            case 1:
                context.Add(JsonNode.Parse(Pick(rng, [
                    "{\"name\":\"https://evil.example/name\"}", "{\"@vocab\":\"https://evil.example/\"}", "{\"@protected\":false,\"name\":{\"@id\":\"https://evil.example/n\"}}",
                    "{\"credentialSubject\":{\"@id\":\"https://evil.example/cs\",\"@type\":\"@id\"}}", "{\"@base\":\"https://evil.example/\"}", "{\"@version\":1.0}",
                    "{\"@propagate\":\"yes\"}", "{\"@import\":\"https://www.w3.org/ns/credentials/v2\"}", "{\"id\":null}", "{\"type\":\"@id\"}",
                    "{\"@language\":\"xx\"}", "{\"@direction\":\"sideways\"}", "{\"x\":{\"@reverse\":\"https://evil.example/r\"}}", "{\"@context\":{}}",
                ])));
                break;
            case 2:
                context.Insert(rng.Next(context.Count + 1), Pick(rng, InternalUrls.Concat(["https://example.org/unknown-context.jsonld", "urn:x", "", "relative.jsonld"]).ToArray()));
                break;
            case 3:
                var items = context.Select(c => c?.DeepClone()).OrderBy(_ => rng.Next()).ToList();
                context.Clear();
                foreach (var item in items)
                {
                    context.Add(item);
                }

                break;
            case 4:
                context.Add(context[rng.Next(context.Count)]!.DeepClone());
                break;
            case 5:
                var subject = doc["credentialSubject"]!.AsObject();
                subject["@context"] = JsonNode.Parse(Pick(rng, ["{\"name\":\"https://evil.example/name\"}", "null", "\"https://127.0.0.1/ctx\"", "{\"@vocab\":\"https://evil.example/\"}"]));
                break;
            case 6:
                context[rng.Next(context.Count)] = JsonNode.Parse(RandomValueJson(rng));
                break;
            case 7:
                // A term defined to itself through a long but finite chain of ordinary (not compact-IRI) aliases.
                var aliases = new JsonObject();
                for (var i = 0; i < 64; i++)
                {
                    aliases["a" + i] = i == 63 ? "https://evil.example/a" : new JsonObject { ["@id"] = "https://evil.example/a" + (i + 1) };
                }

                context.Add(aliases);
                break;
            default:
                // Many contexts: 10,000 is rare (it costs seconds until context processing is bounded).
                var contexts = rng.Next(20) == 0 ? 10_000 : Pick(rng, [10, 100, 1_000]);
                doc["@context"] = new JsonArray([.. Enumerable.Repeat(0, contexts).Select(_ => (JsonNode?)"https://www.w3.org/ns/credentials/v2")]);
                break;
        }

        return doc.ToJsonString();
    }

    // issue 10: "t0": "t1:x", "t1": "t2:x", … — a compact-IRI prefix chain that overflowed the stack.
    private static string PrefixChain(Random rng, JsonObject doc)
    {
        var length = Pick(rng, [100, 1_000, 5_000]);
        var chain = new JsonObject();
        for (var i = 0; i < length; i++)
        {
            chain["t" + i] = $"t{i + 1}:x";
        }

        chain["t" + length] = "http://example.org/";
        doc["@context"]!.AsArray().Add(chain);
        doc["credentialSubject"]!.AsObject()["t0:foo"] = "bar";
        return doc.ToJsonString();
    }

    private static string Proof(Random rng, JsonObject doc)
    {
        var proof = doc["proof"] is JsonArray set ? set[0]!.AsObject() : doc["proof"]!.AsObject();
        switch (rng.Next(10))
        {
            case 0:
                doc.Remove("proof");
                break;
            case 1:
                doc["proof"] = new JsonArray(proof.DeepClone(), rng.Next(2) == 0 ? proof.DeepClone() : JsonNode.Parse(RandomValueJson(rng)));
                break;
            case 2:
                proof["cryptosuite"] = Pick(rng, ["eddsa-jcs-2022", "ecdsa-rdfc-2019", "bbs-2023", "", "EDDSA-RDFC-2022", "eddsa-rdfc-2022 "]);
                break;
            case 3:
                proof["verificationMethod"] = Pick(rng, InternalUrls.Concat(["did:web:127.0.0.1%3A1#key", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                    "did:web:evil.example#key-1", "", "#"]).ToArray());
                break;
            case 4:
                proof["proofPurpose"] = Pick(rng, ["authentication", "capabilityInvocation", "", "assertionMethod "]);
                break;
            case 5:
                var value = (string)proof["proofValue"]!;
                proof["proofValue"] = Pick(rng, [value[..^1], value + "1", "", "u" + value[1..], value[..1] + new string('1', 10_000), value.ToUpperInvariant()]);
                break;
            case 6:
                proof["created"] = Pick(rng, ["2099-01-01T00:00:00Z", "yesterday", "0000-00-00T00:00:00Z", "2026-02-30T25:61:61Z"]);
                break;
            case 7:
                proof["type"] = Pick(rng, ["Ed25519Signature2020", "JsonWebSignature2020", "", "dataintegrityproof"]);
                break;
            case 8:
                proof["@context"] = JsonNode.Parse("[\"https://www.w3.org/ns/credentials/v2\",{\"proofValue\":\"https://evil.example/pv\"}]");
                break;
            default:
                proof[Pick(rng, ["nonce", "challenge", "domain", "expires", "previousProof", "id"])] = JsonNode.Parse(RandomValueJson(rng));
                break;
        }

        return doc.ToJsonString();
    }

    private static string Status(Random rng, JsonObject doc)
    {
        var entry = doc["credentialStatus"] is JsonArray a ? a[0]!.AsObject() : doc["credentialStatus"]!.AsObject();
        switch (rng.Next(5))
        {
            case 0:
                entry["statusListCredential"] = Pick(rng, InternalUrls);
                break;
            case 1:
                entry["statusListIndex"] = Pick(rng, ["-1", "99999999999999999999", "abc", "1.5", "", "0x10"]);
                break;
            case 2:
                doc["credentialStatus"] = JsonNode.Parse(Pick(rng, ["\"https://127.0.0.1/status/1\"", "null", "1", "[]", "[[]]", "{}"]));
                break;
            case 3:
                entry["statusPurpose"] = Pick(rng, ["refresh", "message", "", "revocation suspension"]);
                break;
            default:
                entry["type"] = Pick(rng, ["StatusList2021Entry", "1EdTechRevocationList", "", "BitstringStatusList"]);
                break;
        }

        return doc.ToJsonString();
    }
}
