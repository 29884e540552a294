using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.Operations;

/// <summary>
/// Key rotation end to end: issue, rotate, restart, issue, rotate again, restart, issue; then, after one more restart,
/// every credential verifies through the page, the API and the npm verifiers (@digitalbazaar/vc for the Data Integrity
/// proof, jose for the VC-JWT against the host's JWKS), and a credential made after a rotation with a retired key does not.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class KeyRotationTests
{
    private const string SealPassword = "rotation-test";
    private readonly List<(string Json, string Jwt, string Handle, string DownloadPath)> issued = [];
    private string folder = string.Empty;
    private Dictionary<string, string?> settings = [];

    private string KeyFolder => Path.Combine(folder, "keys");

    [OneTimeSetUp]
    public void Prepare()
    {
        folder = Directory.CreateTempSubdirectory("microcred-rotation-").FullName;
        KeyGenerator.Generate(KeyFolder, new KeyGenerationOptions { SealPassword = SealPassword });
        settings = new Dictionary<string, string?>
        {
            ["Issuer:KeysPath"] = KeyFolder,
            ["Issuer:SealPassword"] = SealPassword,
            ["Issuer:ConnectionString"] = $"Data Source={Path.Combine(folder, "data", "microcredentials.db")}",
        };
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the temp folder is cleaned by the OS.
        }
    }

    [Test]
    public async Task Rotate_TwiceWithRestarts_EveryCredentialVerifiesEverywhereAndARetiredKeyCannotSignLater()
    {
        // Generation 1 issues A; each rotation takes effect one second after the last credential's date, so that
        // credential is inside the old window whatever the clock does.
        await WithHostAsync(IssueAsync);
        await RotateAndWaitAsync();
        await WithHostAsync(IssueAsync);
        await RotateAndWaitAsync();
        await WithHostAsync(IssueAsync);

        var history = KeyHistory.Read(Path.Combine(KeyFolder, KeyHistory.FileName)).Generations;
        Assert.That(history, Has.Count.EqualTo(3));
        Assert.That(issued.Select(VerificationMethod).Distinct().Count(), Is.EqualTo(3), "each credential is signed by its generation's key");

        await WithHostAsync(async (factory, client, _) =>
        {
            var did = await GetJsonAsync(client, "/.well-known/did.json");
            var jwks = await GetJsonAsync(client, "/.well-known/jwks.json");
            var methods = did["verificationMethod"]!.AsArray().Select(m => (string)m!["id"]!).ToList();
            Assert.That(history.Select(h => methods.Count(id => id.EndsWith("#" + h.Ed25519, StringComparison.Ordinal))), Is.All.EqualTo(1),
                "every generation's Ed25519 key stays in did.json");
            Assert.That(jwks["keys"]!.AsArray(), Has.Count.EqualTo(6), "every generation's ES256 and RS256 key stays in jwks.json");
            var retiredJwk = jwks["keys"]!.AsArray().Where(k => k!["validUntil"] is not null).ToList();
            Assert.That(retiredJwk, Has.Count.EqualTo(4), "the retired JWT keys carry their validity window");

            foreach (var (json, jwt, handle, downloadPath) in issued)
            {
                Assert.That(Verdict(await PageAsync(client, handle)), Is.EqualTo("Valid"), "page of " + handle);
                Assert.That((string?)(await VerifyAsync(client, Encoding.UTF8.GetBytes(json), "application/json"))["verdict"], Is.EqualTo("valid"));
                Assert.That((string?)(await VerifyAsync(client, Encoding.UTF8.GetBytes(jwt), "text/plain"))["verdict"], Is.EqualTo("valid"));
                var pdf = await client.GetByteArrayAsync($"{downloadPath}/certificate-en.pdf");
                Assert.That((string?)(await VerifyAsync(client, pdf, "application/pdf"))["verdict"], Is.EqualTo("valid"), "the PDF sealed by its generation's seal");
                await AssertDigitalBazaarVerifiesAsync(json, did);
            }

            await AssertJoseVerifiesAsync(jwks, [.. issued.Select(i => i.Jwt)]);

            // A credential dated after generation 1's retirement but signed with its (kept) private keys.
            var (forgedJson, forgedJwt) = SignWithRetiredKeys(history[0], factory.Services.GetRequiredService<IssuerKeySet>().IssuerId, issued[0].Json,
                history[^1].ValidFrom!.Value);
            foreach (var (body, media) in new[] { (forgedJson, "application/json"), (forgedJwt, "text/plain") })
            {
                var answer = await VerifyAsync(client, Encoding.UTF8.GetBytes(body), media);
                Assert.That((string?)answer["verdict"], Is.EqualTo("not_genuine"), answer.ToJsonString());
                Assert.That(answer["checks"]!.AsArray().Select(c => (string?)c!["reason"]), Has.Member("key_retired"), answer.ToJsonString());
            }
        });
    }

    // Rotates, then waits until the new keys are in force (at most a second or two), so the next credential is the new
    // generation's on a fast machine too.
    private async Task RotateAndWaitAsync()
    {
        var last = JsonNode.Parse(issued[^1].Json)!;
        var moment = DateTimeOffset.Parse((string)last["validFrom"]!, System.Globalization.CultureInfo.InvariantCulture).AddSeconds(1);
        KeyRotation.Rotate(KeyFolder, moment, SealPassword, "CN=Rotation test seal", TimeProvider.System);
        while (TimeProvider.System.GetUtcNow() <= moment)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private async Task WithHostAsync(Func<HostFactory, HttpClient, string, Task> work)
    {
        var factory = await HostFactory.CreateAsync("Sqlite", extra: settings);
        try
        {
            using var client = factory.Client();
            var key = await factory.CreateApiKeyAsync(ApiKeyRole.Issuer);
            await work(factory, client, key);
        }
        finally
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }
    }

    private async Task IssueAsync(HostFactory factory, HttpClient client, string apiKey)
    {
        var award = new { email = $"{Guid.NewGuid():N}@example.be", name = $"Rotation Test{issued.Count}", code = "MC-DSH", awarded = "2026-02-06", grade = "15",
            start = "2025-09-22", end = "2026-01-23" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/credentials") { Content = JsonContent.Create(award) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var json = JsonNode.Parse(text)!;
        var verification = (string)json["verificationUrl"]!;
        var download = new Uri((string)json["downloadUrl"]!).AbsolutePath;
        issued.Add((await client.GetStringAsync($"{download}/credential.json"), await client.GetStringAsync($"{download}/credential.jwt"),
            verification[(verification.LastIndexOf('/') + 1)..], download));
    }

    private static string VerificationMethod((string Json, string Jwt, string Handle, string DownloadPath) credential) => VerificationMethod(credential.Json);

    private static string VerificationMethod(string json) => JsonNode.Parse(json)!["proof"] switch
    {
        JsonArray proofs => (string)proofs[0]!["verificationMethod"]!,
        var proof => (string)proof!["verificationMethod"]!,
    };

    private (string Json, string Jwt) SignWithRetiredKeys(KeyGenerationRecord generation, string issuerId, string json, DateTimeOffset dated)
    {
        var options = IssuerKeyOptions.ForDirectory(Path.Combine(KeyFolder, generation.PrivateKeys!), SealPassword);
        options.KeyHistoryPath = Path.Combine(folder, "none.json");
        using var retired = IssuerKeySet.Load(options, issuerId);
        var credential = JsonNode.Parse(json)!.AsObject();
        credential.Remove("proof");
        var date = dated.AddMinutes(1);
        credential["validFrom"] = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var signed = DataIntegritySigner.Sign(credential, retired.Ed25519Key, retired.VerificationMethodId, date);
        return (signed.ToJsonString(), VcJwtSigner.Sign(signed, retired.Rs256));
    }

    private async Task AssertDigitalBazaarVerifiesAsync(string json, JsonObject did)
    {
        var vm = VerificationMethod(json);
        var method = did["verificationMethod"]!.AsArray().Single(m => (string?)m!["id"] == vm)!;
        var file = Path.Combine(folder, "credential.json");
        await File.WriteAllTextAsync(file, json);
        var context = (string)JsonNode.Parse(json)!["@context"]!.AsArray().Last()!;
        var (code, output, error) = await NodeAsync("di-verify.mjs", [file, (string)method["publicKeyMultibase"]!, vm], context);
        Assert.That(output, Does.Contain("\"verified\":true"), output + error);
        Assert.That(code, Is.Zero);
    }

    private async Task AssertJoseVerifiesAsync(JsonObject jwks, IReadOnlyList<string> tokens)
    {
        var jwksFile = Path.Combine(folder, "jwks.json");
        var tokensFile = Path.Combine(folder, "tokens.json");
        await File.WriteAllTextAsync(jwksFile, jwks.ToJsonString());
        await File.WriteAllTextAsync(tokensFile, new JsonArray([.. tokens.Select(t => (JsonNode)JsonValue.Create(t))]).ToJsonString());
        var (code, output, error) = await NodeAsync("jwt-verify.mjs", [jwksFile, tokensFile], null);
        Assert.That(code, Is.Zero, error);
        var results = JsonNode.Parse(output)!["results"]!.AsArray();
        Assert.That(results.Select(r => (bool?)r!["ok"]), Is.All.True, output);
    }

    internal static async Task<(int Code, string Output, string Error)> NodeAsync(string script, IReadOnlyList<string> arguments, string? contextUrl)
    {
        var interop = RepositoryPaths.File("tests", "interop");
        RequiredTools.RequireNpmModule(interop, "jose");
        RequiredTools.RequireNpmModule(interop, "@digitalbazaar/vc");
        var start = new ProcessStartInfo("node") { WorkingDirectory = interop, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (contextUrl is not null)
        {
            start.Environment["MICROCREDENTIAL_CONTEXT_URL"] = contextUrl;
        }

        using var process = RequiredTools.Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    internal static async Task<JsonObject> GetJsonAsync(HttpClient client, string path) => JsonNode.Parse(await client.GetStringAsync(path))!.AsObject();

    internal static async Task<string> PageAsync(HttpClient client, string handle)
    {
        using var response = await client.GetAsync($"/v/{handle}?lang=en");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    internal static async Task<JsonObject> VerifyAsync(HttpClient client, byte[] body, string mediaType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await client.PostAsync("/api/verify", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!.AsObject();
    }

    internal static string Verdict(string html)
    {
        const string Marker = "data-verdict=\"";
        var at = html.IndexOf(Marker, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), "the page has a verdict");
        var start = at + Marker.Length;
        return html[start..html.IndexOf('"', start)];
    }
}
