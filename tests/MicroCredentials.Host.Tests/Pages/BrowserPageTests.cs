using System.Collections.Concurrent;
using System.Text;
using Deque.AxeCore.Playwright;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MicroCredentials.Host.Tests.Pages;

/// <summary>
/// Every public page in every language and state, in the Debian chromium through Playwright: zero axe violations of
/// impact serious or critical, no horizontal scrolling at 320, 390 and 1366 px, and a screenshot at phone and desktop
/// size kept as a test artefact (under the test output's <c>page-screenshots</c> folder).
/// </summary>
[NonParallelizable]
public sealed class BrowserPageTests
{
    private static readonly int[] Widths = [320, 390, 1366];

    private static readonly string[] Languages = ["nl", "en", "fr"];

    private static readonly ConcurrentBag<string> Results = [];

    private PageHost? host;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private readonly Dictionary<string, Func<IPage, string, Task>> states = [];
    private string downloadPath = string.Empty;

    private PageHost Host => host ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private static string Artefacts => Path.Combine(TestContext.CurrentContext.WorkDirectory, "page-screenshots");

    public static IEnumerable<string> States() =>
        ["form", "valid", "revoked", "suspended", "superseded", "expired", "not-genuine", "unknown-issuer", "not-found", "upload-error", "download", "download-suspended", "download-wallet"];

    [OneTimeSetUp]
    public async Task Start()
    {
        host = await PageHost.StartAsync(kestrel: true);
        Directory.CreateDirectory(Artefacts);
        var files = Path.Combine(Host.TempFolder, "uploads");
        Directory.CreateDirectory(files);

        var valid = await Host.IssueAsync("Zoë Müller-Brontë");
        var revoked = await Host.IssueAsync("Tom Janssens");
        await Host.ChangeStatusAsync(revoked, "revoke", "Revoked");
        var suspended = await Host.IssueAsync("Mila Goossens");
        await Host.ChangeStatusAsync(suspended, "suspend", "Suspended");
        var superseded = await Host.IssueAsync("Jonh Peeters");
        await Host.ReissueAsync(superseded, "John Peeters");
        var wallet = await Host.IssueAsync("Ana Wallet-Peeters");
        var expired = Path.Combine(files, "expired.json");
        await File.WriteAllTextAsync(expired, await Host.ExpiredCredentialAsync(valid));
        var tampered = Path.Combine(files, "tampered.json");
        await File.WriteAllTextAsync(tampered, (await Host.CredentialJsonAsync(valid)).Replace("Zoë Müller-Brontë", "Zoë Müller-Smith", StringComparison.Ordinal));
        var other = Path.Combine(files, "other.json");
        await File.WriteAllTextAsync(other, PageHost.OtherIssuersCredential());
        var big = Path.Combine(files, "big.pdf");
        await File.WriteAllBytesAsync(big, new byte[(5 * 1024 * 1024) + 1]);

        states["form"] = (page, lang) => GoAsync(page, $"/v?lang={lang}");
        states["valid"] = (page, lang) => GoAsync(page, $"/v/{valid.Handle}?lang={lang}");
        states["revoked"] = (page, lang) => GoAsync(page, $"/v/{revoked.Handle}?lang={lang}");
        states["suspended"] = (page, lang) => GoAsync(page, $"/v/{suspended.Handle}?lang={lang}");
        states["superseded"] = (page, lang) => GoAsync(page, $"/v/{superseded.Handle}?lang={lang}");
        states["expired"] = (page, lang) => UploadAsync(page, lang, expired);
        states["not-genuine"] = (page, lang) => UploadAsync(page, lang, tampered);
        states["unknown-issuer"] = (page, lang) => UploadAsync(page, lang, other);
        states["not-found"] = (page, lang) => GoAsync(page, $"/v?code=ABCD-EFGH-JKMU&lang={lang}");
        states["upload-error"] = (page, lang) => UploadAsync(page, lang, big);
        states["download"] = (page, lang) => GoAsync(page, $"{valid.DownloadPath}?lang={lang}");
        states["download-suspended"] = (page, lang) => GoAsync(page, $"{suspended.DownloadPath}?lang={lang}");
        states["download-wallet"] = (page, lang) => WalletOfferAsync(page, $"{wallet.DownloadPath}?lang={lang}");
        downloadPath = valid.DownloadPath;

        playwright = await Playwright.CreateAsync();
        browser = await DebianChromium.LaunchAsync(playwright);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (!Results.IsEmpty)
        {
            var table = Path.Combine(Artefacts, "results.txt");
            await File.WriteAllLinesAsync(table, Results.Order(StringComparer.Ordinal));
            TestContext.Progress.WriteLine($"Page results: {table}");
        }
    }

    [TestCaseSource(nameof(States))]
    public async Task Page_EveryLanguage_NoSeriousAxeViolationNoOverflowAndScreenshots(string state)
    {
        var failures = new ConcurrentBag<string>();
        await Task.WhenAll(Languages.Select(lang => CheckAsync(state, lang, failures)));
        Assert.That(failures, Is.Empty);
    }

    private async Task CheckAsync(string state, string lang, ConcurrentBag<string> failures)
    {
        await using var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = lang,
        });
        var page = await context.NewPageAsync();
        var errors = new ConcurrentBag<string>();
        // A not-found or upload-error page is answered 404/413 on purpose; chromium logs that for the document itself.
        var expectedStatus = state switch { "not-found" => 404, "upload-error" => 413, _ => 200 };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains($"status of {expectedStatus}", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        await states[state](page, lang);

        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo(lang), $"{state}/{lang}");
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var v in serious)
        {
            failures.Add($"{state}/{lang}: axe {v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html))}");
        }

        var widths = new StringBuilder();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, width < 1000 ? 844 : 900);
            var overflow = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            widths.Append($" {width}px:{overflow[0]}/{overflow[1]}");
            if (overflow[0] > overflow[1])
            {
                failures.Add($"{state}/{lang}: scrollWidth {overflow[0]} > innerWidth {overflow[1]} at {width} px");
            }

            if (width is 390 or 1366)
            {
                var file = Path.Combine(Artefacts, $"{state}-{lang}-{(width == 390 ? "phone" : "desktop")}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                TestContext.AddTestAttachment(file, $"{state} {lang} {width} px");
            }
        }

        foreach (var error in errors)
        {
            failures.Add($"{state}/{lang}: console error: {error}");
        }

        var minor = string.Join(",", axe.Violations.Except(serious).Select(v => $"{v.Id}({v.Impact})"));
        Results.Add($"{state,-15} {lang}  axe serious/critical: {serious.Count}  other: [{minor}]  scrollWidth/innerWidth:{widths}");
    }

    [Test]
    public async Task DownloadPage_Phone_PreviewImageLoadsAndFitsTheColumn()
    {
        await using var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 320, Height = 700 },
        });
        var page = await context.NewPageAsync();
        await GoAsync(page, $"{downloadPath}?lang=nl");
        var preview = page.Locator("img[data-preview]");
        // GotoAsync waits for the load event, which waits for images; the check below waits on the image itself too.
        await preview.EvaluateAsync("img => img.complete ? null : new Promise(r => img.addEventListener('load', r, { once: true }))",
            null, new LocatorEvaluateOptions { Timeout = 60_000 });
        var size = await preview.EvaluateAsync<int[]>("img => [img.naturalWidth, img.naturalHeight, Math.ceil(img.getBoundingClientRect().right)]");

        Assert.That(size[0..2], Is.EqualTo(new[] { 1200, 848 }));
        Assert.That(size[2], Is.LessThanOrEqualTo(320));
        Assert.That(await preview.GetAttributeAsync("alt"), Does.Contain("Voorbeeld van het certificaat"));
    }

    private static async Task GoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.That(response, Is.Not.Null);
    }

    // "Add to your wallet" pressed (once per award: later views show the same live offer), then the page with the offer.
    private static async Task WalletOfferAsync(IPage page, string path)
    {
        await GoAsync(page, path);
        var ask = page.Locator("[data-form=wallet-offer] button");
        if (await ask.CountAsync() > 0)
        {
            await ask.ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("#wallet-title", StringComparison.Ordinal));
        }

        await GoAsync(page, path);
        await page.Locator("[data-field=wallet_qr]").WaitForAsync();
    }

    private static async Task UploadAsync(IPage page, string lang, string file)
    {
        await GoAsync(page, $"/v?lang={lang}");
        await page.SetInputFilesAsync("#file", file);
        // Wait for the form's own POST answer (the URL before and after is the same, so waiting for it proves nothing),
        // with room for a loaded machine.
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]"),
            r => r.Request.Method == "POST" && r.Url.Contains("/v?lang=" + lang, StringComparison.Ordinal),
            new PageRunAndWaitForResponseOptions { Timeout = 90_000 });
        await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = 90_000 });
    }
}
