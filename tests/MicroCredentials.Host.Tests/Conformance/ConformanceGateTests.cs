using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.JsonLd;
using MicroCredentials.Model;

namespace MicroCredentials.Host.Tests.Conformance;

/// <summary>
/// The conformance gate (issue 11 point 5): credentials issued by the real host with the DEFAULT configuration (Kestrel
/// on a loopback port, a SQLite file, the demo keys, the sample catalogue) are checked by the independent npm verifiers
/// — ajv with the 1EdTech OB 3.0 schema, the DCC verifier-core with did:web and contexts resolved against this host,
/// jsonld.js in safe mode, jose against the host's JWKS — and by tests for the 1EdTech validator's checks
/// (STANDARDS §6.2a). A second host with the two-entry status profile is the negative control. Every result is printed
/// (<c>dotnet test tests/MicroCredentials.Host.Tests --filter TestCategory=ConformanceGate --logger "console;verbosity=normal"</c>).
/// </summary>
[NonParallelizable]
[Category("ConformanceGate")]
public sealed partial class ConformanceGateTests
{
    private const string SchemaUrl = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    private readonly Dictionary<string, Issued> issued = new(StringComparer.Ordinal);
    private HostFactory? host;
    private HostFactory? twoEntryHost;
    private HttpClient? client;
    private HttpClient? twoEntryClient;
    private JsonObject? gate;

    private HostFactory Host => host ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private HttpClient Client => client ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private JsonObject Gate => gate ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    /// <summary>One credential the gate checks: how it was issued and what it is now.</summary>
    private sealed record Issued(string Name, string Id, JsonObject Credential, string Jwt, string Expected);

    [OneTimeSetUp]
    public async Task IssueAndRunTheNpmVerifiers()
    {
        await InteropNode.EnsureInstalledAsync("@digitalcredentials/verifier-core");
        host = await HostFactory.CreateAsync("Sqlite", kestrel: true);
        twoEntryHost = await HostFactory.CreateAsync("Sqlite", kestrel: true,
            new Dictionary<string, string?> { ["Issuer:IncludeSuspensionStatus"] = "true" });
        client = host.Client();
        twoEntryClient = twoEntryHost.Client();
        var admin = await host.CreateApiKeyAsync(ApiKeyRole.Administrator);
        var twoEntryAdmin = await twoEntryHost.CreateApiKeyAsync(ApiKeyRole.Administrator);

        await IssueAsync(Client, admin, "default-valid", null, "valid");
        await IssueAsync(Client, admin, "default-revoked", "revoke", "revoked");
        await IssueAsync(Client, admin, "default-suspended", "suspend", "suspended");
        await IssueAsync(twoEntryClient, twoEntryAdmin, "two-entry-suspended", "suspend", "suspended");

        var folder = Path.Combine(Host.TempFolder, "gate");
        Directory.CreateDirectory(folder);
        var inputPath = Path.Combine(folder, "input.json");
        await File.WriteAllTextAsync(inputPath, (await GateInputAsync(folder)).ToJsonString());
        var (exit, output, error) = await InteropNode.NodeAsync("conformance-gate.mjs", TimeSpan.FromMinutes(3), inputPath);
        Assert.That(exit, Is.EqualTo(0), error);
        gate = JsonNode.Parse(output)!.AsObject();
        Print();
    }

    [OneTimeTearDown]
    public async Task StopHosts()
    {
        client?.Dispose();
        twoEntryClient?.Dispose();
        if (twoEntryHost is not null)
        {
            await twoEntryHost.DisposeAndAssertNo5xxAsync();
        }

        if (host is not null)
        {
            await host.DisposeAndAssertNo5xxAsync();
        }
    }

    private async Task IssueAsync(HttpClient http, string key, string name, string? action, string expected)
    {
        var award = new
        {
            email = $"{Guid.NewGuid():N}@example.be", name = $"Gate {name}", code = "MC-DSH", awarded = "2026-02-06", grade = "15",
            start = "2025-09-22", end = "2026-01-23",
        };
        var created = await SendAsync(http, key, HttpMethod.Post, "/api/credentials", award, HttpStatusCode.Created);
        var id = (string)created["id"]!;
        var download = new Uri((string)created["downloadUrl"]!).AbsolutePath;
        if (action is not null)
        {
            await SendAsync(http, key, HttpMethod.Post, $"/api/credentials/{id}/{action}", new { reason = "conformance gate" }, HttpStatusCode.OK);
        }

        var credential = JsonNode.Parse(await http.GetStringAsync(download + "/credential.json"))!.AsObject();
        var jwt = (await http.GetStringAsync(download + "/credential.jwt")).Trim();
        issued[name] = new Issued(name, id, credential, jwt, expected);
    }

    private static async Task<JsonObject> SendAsync(HttpClient http, string key, HttpMethod method, string path, object body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{method} {path}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>
    /// What the npm verifiers may read: the two hosts (did:web is https-only, so <c>https://127.0.0.1:port/</c> is mapped
    /// to the loopback host), our context wherever its URL points (served by the host at the URL's path), the OB 3.0
    /// schema from the 1EdTech reference copy, and the standard contexts the Core embeds. Nothing else.
    /// </summary>
    private async Task<JsonObject> GateInputAsync(string folder)
    {
        var rewrite = new JsonObject();
        foreach (var factory in new[] { Host, twoEntryHost! })
        {
            var loopback = factory.BaseAddress.ToString();
            rewrite[loopback.Replace("http://", "https://", StringComparison.Ordinal)] = loopback;
            rewrite[loopback] = loopback;
        }

        var files = new JsonObject { [SchemaUrl] = SchemaPath };
        foreach (var url in EmbeddedDocumentLoader.Urls)
        {
            var path = Path.Combine(folder, $"context-{files.Count}.json");
            await File.WriteAllTextAsync(path, EmbeddedDocumentLoader.Instance.LoadDocument(url).Document!.ToJsonString());
            files[url] = path;
        }

        // Our context is read from the host that issued the credential (whatever address the context URL names).
        foreach (var (credential, factory) in issued.Values.Select(i => (i.Credential, i.Name.StartsWith("two-entry", StringComparison.Ordinal) ? twoEntryHost! : Host)))
        {
            foreach (var context in credential["@context"]!.AsArray().Select(c => (string?)c).OfType<string>())
            {
                if (context != Ob3Terms.VcV2Context && !context.StartsWith("https://purl.imsglobal.org/", StringComparison.Ordinal)
                    && !context.StartsWith(factory.BaseAddress.ToString(), StringComparison.Ordinal))
                {
                    files.Remove(context);
                    rewrite[context] = new Uri(factory.BaseAddress, new Uri(context).AbsolutePath).ToString();
                }
            }
        }

        return new JsonObject
        {
            ["rewrite"] = rewrite,
            ["files"] = files,
            ["schema"] = SchemaPath,
            ["jwks"] = new Uri(Host.BaseAddress, "/.well-known/jwks.json").ToString(),
            ["credentials"] = new JsonArray(issued.Values.Select(i => (JsonNode)new JsonObject
            {
                ["name"] = i.Name,
                ["credential"] = i.Credential.DeepClone(),
                ["jwt"] = i.Name.StartsWith("default", StringComparison.Ordinal) ? i.Jwt : null,
            }).ToArray()),
        };
    }

    private static string SchemaPath => RepositoryPaths.File("..", "shared", "standards", "ob3", "schema", "achievementcredential.json");

    private JsonObject Result(string name) =>
        Gate["results"]!.AsArray().Single(r => (string?)r!["name"] == name)!.AsObject();

    private static JsonObject? Step(JsonObject result, string id) =>
        result["dcc"]!["log"]!.AsArray().FirstOrDefault(s => (string?)s!["id"] == id)?.AsObject();

    private void Print()
    {
        var progress = TestContext.Progress;
        progress.WriteLine("== Conformance gate (credentials issued with the default configuration unless named two-entry) ==");
        progress.WriteLine($"refused URLs (no network): {Gate["refused"]!.ToJsonString()}");
        foreach (var result in Gate["results"]!.AsArray().Select(r => r!.AsObject()))
        {
            var name = (string)result["name"]!;
            var ajv = result["ajv"]!;
            var errors = ajv["errors"]!.AsArray();
            progress.WriteLine($"[{name}] ajv OB 3.0 schema: {((bool)ajv["valid"]! ? "valid" : "INVALID")}, {errors.Count} errors {(errors.Count > 0 ? errors.ToJsonString() : "")}");
            var dcc = result["dcc"]!;
            var log = string.Join(", ", dcc["log"]!.AsArray().Select(s =>
                $"{(string?)s!["id"]}={(s["valid"] is { } v ? ((bool)v ? "valid" : "invalid") : "error " + s["error"]?.ToJsonString())}"));
            progress.WriteLine($"[{name}] DCC verifier-core: errors {dcc["errors"]!.ToJsonString()}; log {log}; schema_check {dcc["schema"]!.ToJsonString()}");
            progress.WriteLine($"[{name}] jsonld.js safe mode: {result["jsonld"]!.ToJsonString()}");
            if (result["jwt"] is { } jwt)
            {
                progress.WriteLine($"[{name}] jose VC-JWT with the host's JWKS: {jwt.ToJsonString()}");
            }
        }
    }
}
