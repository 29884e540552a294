using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;

namespace MicroCredentials.Host.Tests;

/// <summary>
/// End to end as an employer would: the real host on Kestrel, a certificate PDF downloaded, its QR code read from
/// the rendered page (pdftoppm + zbarimg), and the URL opened in headless chromium.
/// </summary>
[NonParallelizable]
public sealed class BrowserEndToEndTests
{
    private HostFactory? factory;
    private HttpClient? client;
    private string adminKey = string.Empty;

    private HttpClient Client => client ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private HostFactory Factory => factory ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private string Scratch => Path.Combine(Factory.TempFolder, "browser");

    [OneTimeSetUp]
    public async Task StartHost()
    {
        factory = await HostFactory.CreateAsync("Sqlite", kestrel: true);
        client = factory.Client();
        adminKey = await factory.CreateApiKeyAsync(ApiKeyRole.Administrator);
        Directory.CreateDirectory(Scratch);
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }
    }

    [Test]
    public async Task QrCodeOfPdf_OpenedInChromium_ShowsValidPageWithName()
    {
        const string Name = "Zoë Müller-Brontë";
        var downloadUrl = await IssueAsync(Name);
        var pdf = await Client.GetByteArrayAsync(downloadUrl + "/certificate-en.pdf");
        var url = await ReadQrCodeAsync(pdf);

        Assert.That(url, Does.StartWith(Factory.BaseAddress + "v/"), "the QR code points to this host's verification page");
        var dom = await ExternalTools.ChromiumAsync(Scratch, "--dump-dom", url);

        Assert.That(dom, Does.Contain("data-verdict=\"Valid\""));
        Assert.That(dom, Does.Contain(Name));
        Assert.That(dom, Does.Contain("Data Science for Healthcare").Or.Contain("Data science voor de gezondheidszorg"));

        var screenshot = Path.Combine(Scratch, "phone.png");
        await ExternalTools.ChromiumAsync(Scratch, $"--screenshot={screenshot}", "--window-size=412,915", url + "?lang=en");
        Assert.That(new FileInfo(screenshot).Length, Is.GreaterThan(10_000));
        var keep = Environment.GetEnvironmentVariable("MICROCRED_SCREENSHOT_OUT");
        if (!string.IsNullOrEmpty(keep))
        {
            File.Copy(screenshot, keep, overwrite: true);
        }
    }

    [Test]
    public async Task TamperedCredential_ApiAndUploadPageInChromium_SayNotGenuine()
    {
        const string Name = "Lotte Jacobs";
        var downloadUrl = await IssueAsync(Name);
        var json = await Client.GetStringAsync(downloadUrl + "/credential.json");
        var tampered = json.Replace(Name, "Mallory Jacobs", StringComparison.Ordinal);
        Assert.That(tampered, Is.Not.EqualTo(json));

        using var api = await Client.PostAsync("/api/verify", new StringContent(tampered, Encoding.UTF8, "application/json"));
        var report = JsonNode.Parse(await api.Content.ReadAsStringAsync())!;
        Assert.That((string?)report["verdict"], Is.EqualTo("not_genuine"));

        using var form = new MultipartFormDataContent { { new StringContent(tampered, Encoding.UTF8, "application/json"), "file", "credential.json" } };
        using var page = await Client.PostAsync("/v?lang=en", form);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var file = Path.Combine(Scratch, "tampered.html");
        await File.WriteAllTextAsync(file, await page.Content.ReadAsStringAsync());
        var dom = await ExternalTools.ChromiumAsync(Scratch, "--dump-dom", new Uri(file).AbsoluteUri);

        Assert.That(dom, Does.Contain("data-verdict=\"NotGenuine\""));
        Assert.That(dom, Does.Contain("Not genuine"));
    }

    private async Task<string> IssueAsync(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/credentials")
        {
            Content = JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.be", name, code = "MC-DSH", awarded = "2026-02-06", grade = "16", start = "2025-09-22", end = "2026-01-23" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var response = await Client.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), json.ToJsonString());
        return new Uri((string)json["downloadUrl"]!).AbsolutePath;
    }

    /// <summary>Rasterises page 1 at 200 dpi and decodes the QR code, as a phone camera would.</summary>
    private async Task<string> ReadQrCodeAsync(byte[] pdf)
    {
        var pdfFile = Path.Combine(Scratch, $"{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdfFile, pdf);
        var prefix = Path.ChangeExtension(pdfFile, null);
        await ExternalTools.RunAsync("pdftoppm", ["-r", "200", "-f", "1", "-l", "1", "-png", "-singlefile", pdfFile, prefix], TimeSpan.FromSeconds(60));
        var decoded = await ExternalTools.RunAsync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", prefix + ".png"], TimeSpan.FromSeconds(60));
        var lines = decoded.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Length.EqualTo(1), "exactly one QR code on page 1");
        return lines[0];
    }
}
