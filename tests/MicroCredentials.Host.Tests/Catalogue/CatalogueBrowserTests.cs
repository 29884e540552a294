using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Catalogue;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Host.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MicroCredentials.Host.Tests.Catalogue;

/// <summary>
/// The catalogue journeys in the Debian chromium, signed in through the real sign-in form: create a micro-credential with
/// a missing EU Annex I element, see the live check's message, fix it, save, and find it offered on /staff/issue; edit
/// it as a new version; upload a logo and see it on a verification page; axe finds no serious or critical violation on
/// any catalogue page at 390 and 1366 px in nl, en and fr, and no page scrolls sideways at 320 px.
/// </summary>
[NonParallelizable]
[TestFixture]
public sealed class CatalogueBrowserTests
{
    private const int Timeout = 120_000; // generous: the CI machine is sometimes three times slower

    private HostFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private StaffAccount? admin;
    private readonly List<string> failures = [];

    private HostFactory Factory => factory ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private CatalogueState State => Factory.Services.GetRequiredService<CatalogueState>();

    [OneTimeSetUp]
    public async Task Start()
    {
        factory = await HostFactory.CreateAsync("Sqlite", kestrel: true);
        playwright = await Playwright.CreateAsync();
        browser = await DebianChromium.LaunchAsync(playwright);
        admin = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Administrator, displayName: "Sofie Peeters");
        // The first page a host renders is the slowest (component and resource start-up): take it before the browser does.
        using var client = Factory.Client();
        using var warm = await client.GetAsync("/staff/signin?lang=en");
        Assert.That((int)warm.StatusCode, Is.EqualTo(200));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await Factory.DisposeAndAssertNo5xxAsync();
    }

    [Test]
    [Order(1)]
    public async Task Create_WithAMissingElement_LiveMessage_Fix_Save_OfferedOnTheIssuePage()
    {
        var (context, page) = await SignedInPageAsync("en");
        await using var _ = context;
        await page.GotoAsync("/staff/catalogue?lang=en");
        await page.ClickAsync("a[data-action=new]");
        // Wait for the navigation to commit and the form to be there, which is what the test needs, not for the load
        // event: that wait once ran out its 120 s under load although the page had loaded (cause not found).
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/staff/catalogue/new", new() { WaitUntil = WaitUntilState.Commit, Timeout = Timeout });
        await page.Locator("#f-code").WaitForAsync(new() { Timeout = Timeout });
        var values = new Dictionary<string, string>
        {
            ["#f-code"] = "MC-GDPR", ["#f-version"] = "2026-2027", ["#f-ects"] = "3", ["#f-notionalHours"] = "80", ["#f-eqfLevel"] = "6",
            ["#f-title-nl"] = "Privacy in de praktijk", ["#f-title-en"] = "Privacy in Practice", ["#f-title-fr"] = "La vie privée en pratique",
            ["#f-description-nl"] = "Micro-credential over de AVG.", ["#f-description-en"] = "Micro-credential on the GDPR.",
            ["#f-learningOutcomes-nl"] = "De student past de AVG toe.\nDe student schrijft een verwerkingsregister.",
            ["#f-assessmentType-nl"] = "Schriftelijk examen", ["#f-assessmentType-en"] = "Written exam",
            ["#f-participationMode-nl"] = "Online", ["#f-participationMode-en"] = "Online",
            ["#f-qualityAssurance-nl"] = "NVAO", ["#f-qualityAssurance-en"] = "NVAO",
        };
        foreach (var (selector, value) in values)
        {
            await page.FillAsync(selector, value);
        }

        await page.Locator("#f-qualityAssurance-en").PressAsync("Tab"); // the change event: the live check runs
        var slot = page.Locator("[data-error-for='learningOutcomes.en']");
        await Assertions.Expect(slot).ToHaveTextAsync("learning outcomes in 'en' are missing or empty (EU Annex I element 6).", new() { Timeout = Timeout });
        Assert.That(await page.Locator("#f-learningOutcomes-en").GetAttributeAsync("aria-invalid"), Is.EqualTo("true"));
        await CheckPageAsync(page, "entry-live-check", "en");

        await page.ClickAsync("button[data-action=save]"); // refused on submit too, with the same message next to the field
        await Assertions.Expect(page.Locator("[data-error-for='learningOutcomes.en']")).ToContainTextAsync("learning outcomes in 'en'", new() { Timeout = Timeout });
        await page.FillAsync("#f-learningOutcomes-en", "The student applies the GDPR.\nThe student writes a record of processing.");
        await page.Locator("#f-learningOutcomes-en").PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-check-count]")).ToHaveAttributeAsync("data-check-count", "0", new() { Timeout = Timeout });
        await page.ClickAsync("button[data-action=save]");
        await page.Locator("[data-done=saved]").WaitForAsync();
        Assert.That(await page.Locator("tr[data-entry='MC-GDPR'] [data-field=version]").InnerTextAsync(), Is.EqualTo("2026-2027"));

        // Offered on /staff/issue: a spreadsheet row with the new code is "new" in the dry run.
        var csv = Path.Combine(Factory.TempFolder, "gdpr.csv");
        await File.WriteAllTextAsync(csv, "email;naam;code;datum\nines.gdpr@example.be;Ines Maes;MC-GDPR;2026-06-30\n", new UTF8Encoding(true));
        await page.GotoAsync("/staff/issue?lang=en");
        await page.SetInputFilesAsync("#file", csv);
        await page.ClickAsync("form[action='/staff/issue'] button[type=submit]");
        await page.Locator("tr[data-status]").First.WaitForAsync();
        Assert.That(await page.Locator("tr[data-status=new]").CountAsync(), Is.EqualTo(1));
        Assert.That(await page.Locator("tr[data-status=invalid]").CountAsync(), Is.Zero);
        Assert.That(failures, Is.Empty);
    }

    [Test]
    [Order(2)]
    public async Task Edit_SavesANewVersion()
    {
        var (context, page) = await SignedInPageAsync("nl");
        await using var _ = context;
        await page.GotoAsync("/staff/catalogue/entries/MC-CBE?lang=nl");
        await CheckPageAsync(page, "entry-edit", "nl");
        await page.FillAsync("#f-version", "2026-2027");
        await page.FillAsync("#f-ects", "4");
        await page.FillAsync("#f-notionalHours", "105");
        await page.ClickAsync("button[data-action=save]");
        await page.Locator("[data-done=saved]").WaitForAsync();
        Assert.That(await page.Locator("tr[data-entry='MC-CBE'] [data-field=revision]").InnerTextAsync(), Is.EqualTo("2"));
        Assert.That(await page.Locator("tr[data-entry='MC-CBE'] [data-field=version]").InnerTextAsync(), Is.EqualTo("2026-2027"));
        await page.GotoAsync("/staff/catalogue/entries/MC-CBE?lang=nl");
        Assert.That(await page.Locator("tr[data-revision]").CountAsync(), Is.EqualTo(2));
        Assert.That(State.Current.Find("MC-CBE")!.Ects, Is.EqualTo(4m));
        Assert.That(failures, Is.Empty);
    }

    [Test]
    [Order(3)]
    public async Task Logo_Uploaded_IsShownOnAVerificationPage()
    {
        var (context, page) = await SignedInPageAsync("fr");
        await using var _ = context;
        var logo = Path.Combine(Factory.TempFolder, "logo.png");
        await File.WriteAllBytesAsync(logo, CatalogueForms.Logo(240, 96));
        await page.GotoAsync("/staff/catalogue/issuer?lang=fr");
        await CheckPageAsync(page, "institution", "fr");
        await page.SetInputFilesAsync("#f-logo", logo);
        await page.ClickAsync("button[data-action=save]");
        await page.Locator("[data-done=issuer]").WaitForAsync();

        var verification = await IssueAsync();
        await page.GotoAsync(verification + "?lang=fr");
        var img = page.Locator("header img[data-logo]");
        await img.WaitForAsync();
        Assert.That(await img.GetAttributeAsync("alt"), Is.EqualTo("Nova Academy – Universiteit Nova"));
        Assert.That(await img.EvaluateAsync<int>("i => i.complete ? i.naturalWidth : 0"), Is.EqualTo(240), "loaded from our own origin under the page's CSP");
        await CheckPageAsync(page, "verification-with-logo", "fr");
        Assert.That(failures, Is.Empty);
    }

    [Test]
    [Order(4)]
    public async Task EveryCataloguePage_Axe_AtPhoneAndDesktop_InThreeLanguages_NoSidewaysScroll()
    {
        foreach (var lang in new[] { "nl", "en", "fr" })
        {
            var (context, page) = await SignedInPageAsync(lang);
            await using var _ = context;
            foreach (var (path, name) in new[] { ("/staff/catalogue", "list"), ("/staff/catalogue/new", "new"), ("/staff/catalogue/entries/MC-DSH", "entry"), ("/staff/catalogue/issuer", "institution") })
            {
                foreach (var width in new[] { 390, 1366, 320 })
                {
                    await page.SetViewportSizeAsync(width, 800);
                    await page.GotoAsync($"{path}?lang={lang}");
                    if (width == 320)
                    {
                        var (scroll, inner) = await ScrollWidthAsync(page);
                        if (scroll > inner)
                        {
                            failures.Add($"{name}/{lang} at 320 px: scrollWidth {scroll} > innerWidth {inner}");
                        }
                    }
                    else
                    {
                        await CheckPageAsync(page, $"{name}-{width}", lang);
                    }
                }
            }
        }

        Assert.That(failures, Is.Empty);
    }

    private async Task<string> IssueAsync()
    {
        var key = await Factory.CreateApiKeyAsync(ApiKeyRole.Issuer);
        using var client = Factory.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/credentials")
        {
            Content = JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.be", name = "Noor Jacobs", code = "MC-DSH", awarded = "2026-02-06", grade = "14" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return new Uri((string)json["verificationUrl"]!).AbsolutePath;
    }

    private async Task<(IBrowserContext Context, IPage Page)> SignedInPageAsync(string lang)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Factory.BaseAddress.ToString(), Locale = lang });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(page, Factory.BaseAddress, admin!.UserName);
        return (context, page);
    }

    private static async Task<(int Scroll, int Inner)> ScrollWidthAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (sizes[0], sizes[1]);
    }

    private async Task CheckPageAsync(IPage page, string name, string lang)
    {
        failures.AddRange(await PageChecks.SeriousAxeViolationsAsync(page, $"{name}/{lang}"));
        await PageChecks.ScreenshotAsync(page, $"catalogue-{name}-{lang}");
    }
}
