using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Host.Tests.Staff;
using MicroCredentials.Keys;
using MicroCredentials.Keys.Pkcs11;
using MicroCredentials.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MicroCredentials.Host.Tests.Operations;

/// <summary>
/// The host with its keys in a real SoftHSM 2 token (the fixture's own): wrong PIN or label stops start-up with the
/// setting named; credentials issued through the module verify with our verifier (page, API, PDF seal), the npm
/// verifiers (@digitalbazaar for Data Integrity, jose for the VC-JWT) and pdfsig; an administrator rotates through the
/// staff page's button (axe clean), the running host signs with the new module keys at once, and both generations verify.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HsmHostTests
{
    private const int Timeout = 60_000;
    private readonly List<(string Json, string Jwt, string Handle, string DownloadPath)> issued = [];
    private readonly List<string> axeFailures = [];
    private SoftHsmToken token = null!;
    private string keysFolder = string.Empty;
    private HostFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    private Dictionary<string, string?> Settings => new(token.Settings) { ["Issuer:KeysPath"] = keysFolder };

    [OneTimeSetUp]
    public async Task CreateTokenAndKeys()
    {
        token = await SoftHsmToken.CreateAsync("host-tests");
        keysFolder = Path.Combine(token.Folder, "keys");
        ModuleKeyGenerator.Generate(token.Options, keysFolder, "host", "CN=HSM host test seal", TimeProvider.System);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }

        token.Dispose();
    }

    // Before the host runs: once one session is logged in, the token accepts any login of this process.
    [Test]
    [Order(0)]
    public async Task Start_WrongPin_StopsWithTheSettingNamed()
    {
        var settings = Settings;
        settings["Issuer:Pkcs11:Pin"] = "9999-wrong";
        Assert.That(await StartFailureAsync(settings), Does.Contain("Issuer:Pkcs11:Pin").And.Not.Contain("9999-wrong"));
    }

    [Test]
    [Order(0)]
    public async Task Start_UnknownLabel_StopsWithTheSettingNamed()
    {
        var settings = Settings;
        settings["Issuer:KeysPath"] = Directory.CreateDirectory(Path.Combine(token.Folder, "no-history")).FullName;
        settings["Issuer:Pkcs11:Ed25519Label"] = "missing-ed25519";
        settings["Issuer:Pkcs11:Es256Label"] = "missing-es256";
        settings["Issuer:Pkcs11:Rs256Label"] = "missing-rs256";
        Assert.That(await StartFailureAsync(settings), Does.Contain("Issuer:Pkcs11:Ed25519Label").And.Contain("missing-ed25519"));
    }

    [Test]
    [Order(1)]
    public async Task Issue_WithModuleKeys_VerifiesHereWithNpmAndWithPdfsig()
    {
        var host = await HostAsync();
        using var client = host.Client();
        await IssueAsync(host, client);
        await AssertAllVerifyAsync(client);
    }

    [Test]
    [Order(2)]
    public async Task RotateButton_Administrator_NewModuleKeysSignAtOnceAndBothGenerationsVerify()
    {
        var host = await HostAsync();
        var admin = await StaffSession.CreateAccountAsync(host.Services, StaffRole.Administrator, displayName: "Lotte Peeters");
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "en" });
        await using (context)
        {
            context.SetDefaultTimeout(Timeout);
            var page = await context.NewPageAsync();
            await StaffSession.SignInAsync(page, host.BaseAddress, admin.UserName);
            foreach (var lang in new[] { "nl", "fr", "en" })
            {
                await page.GotoAsync($"/staff/admin/keys?lang={lang}");
                await AxeAsync(page, "keys-" + lang);
            }

            Assert.That(await page.Locator("tr[data-purpose=Ed25519] [data-field=where]").First.InnerTextAsync(), Does.StartWith("HSM"));
            await page.ClickAsync("form[data-form=rotate] button[type=submit]");
            await page.Locator("form[data-form=confirm-rotation]").WaitForAsync();
            await AxeAsync(page, "keys-confirm");
            Assert.That(KeyHistory.Read(Path.Combine(keysFolder, KeyHistory.FileName)).Generations, Has.Count.EqualTo(1), "nothing happens before the confirmation");
            await page.ClickAsync("form[data-form=confirm-rotation] button[type=submit]");
            await page.Locator("[data-done]").WaitForAsync();
            await AxeAsync(page, "keys-done");
            Assert.That(await page.Locator("tr[data-retired=true]").CountAsync(), Is.EqualTo(4), "the retired generation stays listed");
        }

        var history = KeyHistory.Read(Path.Combine(keysFolder, KeyHistory.FileName)).Generations;
        Assert.That(history, Has.Count.EqualTo(2));
        Assert.That(history.Select(h => h.ModuleKeys), Is.All.Not.Null);
        var audit = await host.Services.GetRequiredService<CredentialStore>().FilterAuditAsync(new AuditQuery { Action = AuditAction.KeyRotation }, 0, 10, CancellationToken.None);
        Assert.That(audit.Single().Actor, Does.Contain("Lotte Peeters"));

        // The rotation moment is the second the button was pressed: wait until it has passed, then the new keys sign.
        while (TimeProvider.System.GetUtcNow() <= history[^1].ValidFrom!.Value.AddSeconds(1))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        using var client = host.Client();
        await IssueAsync(host, client);
        Assert.That(Ed25519Of(issued[^1].Json), Is.EqualTo(history[^1].Ed25519), "signed by the new module key without a restart");
        Assert.That(Ed25519Of(issued[0].Json), Is.EqualTo(history[0].Ed25519));
        await AssertAllVerifyAsync(client);
        Assert.That(axeFailures, Is.Empty);
    }

    [Test]
    [Order(3)]
    public async Task KeysPage_IssuerAndAnonymous_AreRefused()
    {
        var host = await HostAsync();
        using var client = host.Client();
        using var anonymous = await StaffSession.Anonymous(client).GetAsync("/staff/admin/keys");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(anonymous.Headers.Location?.AbsolutePath, Is.EqualTo("/staff/signin"));
        var issuer = await StaffSession.SignInAsync(client, host.Services, StaffRole.Issuer);
        using var page = await issuer.GetAsync("/staff/admin/keys");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var rotate = await issuer.PostFormAsync("/staff/admin/keys/rotate", [new("confirmed", "true")]);
        Assert.That(rotate.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(KeyHistory.Read(Path.Combine(keysFolder, KeyHistory.FileName)).Generations, Has.Count.EqualTo(2), "no rotation by an issuer");
    }

    private async Task<HostFactory> HostAsync()
    {
        if (factory is null)
        {
            factory = await HostFactory.CreateAsync("Sqlite", kestrel: true, extra: Settings);
            playwright = await Playwright.CreateAsync();
            browser = await DebianChromium.LaunchAsync(playwright);
        }

        return factory;
    }

    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings)
    {
        var failing = await HostFactory.CreateAsync("Sqlite", extra: settings);
        try
        {
            var thrown = Assert.Throws(Is.InstanceOf<Exception>(), () => _ = failing.Services);
            for (var e = thrown; e is not null; e = e.InnerException)
            {
                if (e is KeyModuleException)
                {
                    return e.Message;
                }
            }

            return thrown!.ToString();
        }
        finally
        {
            await failing.DisposeAsync();
        }
    }

    private async Task IssueAsync(HostFactory host, HttpClient client)
    {
        var apiKey = await host.CreateApiKeyAsync(ApiKeyRole.Issuer);
        var award = new { email = $"{Guid.NewGuid():N}@example.be", name = $"Module Test{issued.Count}", code = "MC-DSH", awarded = "2026-02-06", grade = "15",
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

    private async Task AssertAllVerifyAsync(HttpClient client)
    {
        var did = await KeyRotationTests.GetJsonAsync(client, "/.well-known/did.json");
        var jwks = await KeyRotationTests.GetJsonAsync(client, "/.well-known/jwks.json");
        foreach (var (json, jwt, handle, downloadPath) in issued)
        {
            Assert.That(KeyRotationTests.Verdict(await KeyRotationTests.PageAsync(client, handle)), Is.EqualTo("Valid"), "page of " + handle);
            Assert.That((string?)(await KeyRotationTests.VerifyAsync(client, Encoding.UTF8.GetBytes(json), "application/json"))["verdict"], Is.EqualTo("valid"));
            Assert.That((string?)(await KeyRotationTests.VerifyAsync(client, Encoding.UTF8.GetBytes(jwt), "text/plain"))["verdict"], Is.EqualTo("valid"));
            var pdf = await client.GetByteArrayAsync($"{downloadPath}/certificate-en.pdf");
            Assert.That((string?)(await KeyRotationTests.VerifyAsync(client, pdf, "application/pdf"))["verdict"], Is.EqualTo("valid"), "the PDF sealed through the module");
            var pdfFile = Path.Combine(token.Folder, handle + ".pdf");
            await File.WriteAllBytesAsync(pdfFile, pdf);
            Assert.That(await ExternalTools.RunAsync("pdfsig", [pdfFile], TimeSpan.FromMinutes(2)), Does.Contain("Signature is Valid"));

            var vm = (string)JsonNode.Parse(json)!["proof"]!.AsArray()[0]!["verificationMethod"]!;
            var method = did["verificationMethod"]!.AsArray().Single(m => (string?)m!["id"] == vm)!;
            var file = Path.Combine(token.Folder, handle + ".json");
            await File.WriteAllTextAsync(file, json);
            var contextUrl = (string)JsonNode.Parse(json)!["@context"]!.AsArray().Last()!;
            var (code, output, error) = await KeyRotationTests.NodeAsync("di-verify.mjs", [file, (string)method["publicKeyMultibase"]!, vm], contextUrl);
            Assert.That(output, Does.Contain("\"verified\":true"), output + error);
            Assert.That(code, Is.Zero);
        }

        var jwksFile = Path.Combine(token.Folder, "jwks.json");
        var tokensFile = Path.Combine(token.Folder, "tokens.json");
        await File.WriteAllTextAsync(jwksFile, jwks.ToJsonString());
        await File.WriteAllTextAsync(tokensFile, new JsonArray([.. issued.Select(i => (JsonNode)JsonValue.Create(i.Jwt))]).ToJsonString());
        var (joseCode, joseOutput, joseError) = await KeyRotationTests.NodeAsync("jwt-verify.mjs", [jwksFile, tokensFile], null);
        Assert.That(joseCode, Is.Zero, joseError);
        Assert.That(JsonNode.Parse(joseOutput)!["results"]!.AsArray().Select(r => (bool?)r!["ok"]), Is.All.True, joseOutput);
    }

    private static string Ed25519Of(string json)
    {
        var vm = (string)JsonNode.Parse(json)!["proof"]!.AsArray()[0]!["verificationMethod"]!;
        return vm[(vm.IndexOf('#', StringComparison.Ordinal) + 1)..];
    }

    private async Task AxeAsync(IPage page, string name)
    {
        axeFailures.AddRange(await PageChecks.SeriousAxeViolationsAsync(page, name));
        await PageChecks.ScreenshotAsync(page, name);
    }
}
