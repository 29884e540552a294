using System.Text.Json.Nodes;

namespace MicroCredentials.Core.Tests.JsonLd;

/// <summary>One entry of a W3C JSON-LD test manifest.</summary>
public sealed record JsonLdSuiteCase(string Manifest, string Id, string Name, JsonObject Entry)
{
    public string Input => Entry["input"]!.GetValue<string>();

    public string? Expect => Entry["expect"]?.GetValue<string>();

    public string? ExpectErrorCode => Entry["expectErrorCode"]?.GetValue<string>();

    public JsonObject Option => Entry["option"] as JsonObject ?? [];

    public bool IsNegative => Types.Contains("jld:NegativeEvaluationTest");

    public bool IsSyntaxOnly => Types.Contains("jld:PositiveSyntaxTest");

    public IReadOnlyList<string> Types => Entry["@type"] switch
    {
        JsonArray a => a.Select(t => t!.GetValue<string>()).ToList(),
        JsonValue v => [v.GetValue<string>()],
        _ => [],
    };

    public override string ToString() => $"{Manifest}{Id}";

    /// <summary>Reads a manifest and splits its entries into the cases a JSON-LD 1.1 processor runs and the ones it skips (with reason).</summary>
    internal static (List<JsonLdSuiteCase> Run, List<(JsonLdSuiteCase Case, string Reason)> Skipped) Load(string manifestFile)
    {
        var path = Path.Combine(TestPaths.JsonLdSuite, manifestFile);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var name = manifestFile.Replace("-manifest.jsonld", string.Empty, StringComparison.Ordinal);
        var run = new List<JsonLdSuiteCase>();
        var skipped = new List<(JsonLdSuiteCase, string)>();
        foreach (var entry in manifest["sequence"]!.AsArray())
        {
            var o = entry!.AsObject();
            var c = new JsonLdSuiteCase(name, o["@id"]!.GetValue<string>(), o["name"]?.GetValue<string>() ?? string.Empty, o);
            var reason = SkipReason(c);
            if (reason is null)
            {
                run.Add(c);
            }
            else
            {
                skipped.Add((c, reason));
            }
        }

        return (run, skipped);
    }

    private static string? SkipReason(JsonLdSuiteCase c)
    {
        if (c.Option["specVersion"]?.GetValue<string>() == "json-ld-1.0")
        {
            return "specVersion json-ld-1.0: tests JSON-LD 1.0-only behaviour";
        }

        return null;
    }
}
