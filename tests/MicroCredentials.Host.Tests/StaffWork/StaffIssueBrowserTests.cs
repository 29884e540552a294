using System.Globalization;
using System.Text;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Host.Tests.Staff;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace MicroCredentials.Host.Tests.StaffWork;

/// <summary>
/// The spreadsheet journey in Debian's chromium against the real host on a loopback port: upload a CSV and an .xlsx
/// with errors, fix a cell in the grid, issue, watch the progress page reload itself to done; axe on every page.
/// </summary>
[TestFixture]
public sealed class StaffIssueBrowserTests
{
    private HostFactory? factory;
    private WebApplicationFactory<Program>? host;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string baseUrl = string.Empty;
    private HttpClient? client;
    private LoopbackProxy? proxy;
    private readonly StatusRecorder recorder = new();
    private StaffAccount? staff;

    [OneTimeSetUp]
    public async Task Start()
    {
        // The browser talks real HTTP to a loopback proxy in front of the in-memory host, and signs in through the real form.
        baseUrl = LoopbackProxy.FreeAddress();
        factory = await HostFactory.CreateAsync("Sqlite", extra: new Dictionary<string, string?> { ["Issuer:PublicBaseUrl"] = baseUrl });
        host = factory;
        staff = await StaffSession.CreateAccountAsync(factory.Services, StaffRole.Issuer, displayName: "Ann Staff");
        client = host.CreateDefaultClient(new Uri(baseUrl + "/"), recorder);
        proxy = await LoopbackProxy.StartAsync(baseUrl, client);
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
        if (proxy is not null)
        {
            await proxy.DisposeAsync();
        }

        var errors = recorder.ServerErrors;
        client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }

        Assert.That(errors, Is.Empty, "no staff page may answer 5xx");
    }

    // The English journey issues 1,000 rows (the progress bar has a long way to go); Dutch and French 20 each.
    [TestCase("en", 1000)]
    [TestCase("nl", 20)]
    [TestCase("fr", 20)]
    public async Task Csv_WithErrors_FixACell_Issue_ProgressToDone_NoSeriousAxeViolation(string lang, int rows)
    {
        var page = await NewPageAsync(lang);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("email;naam;code;datum;cijfer\n");
        for (var i = 1; i <= rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"b{i}.{tag}@example.be;Learner {i};MC-DSH;2026-02-06;15\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $"broken-address;Jan De Vos;MC-DSH;2026-02-06;15\n");
        var file = Path.Combine(factory!.TempFolder, $"learners-{lang}.csv");
        await File.WriteAllTextAsync(file, csv.ToString(), new UTF8Encoding(true));

        await page.GotoAsync($"/staff/issue?lang={lang}");
        await AssertAxeAsync(page, $"issue-upload-{lang}");
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("form[action='/staff/issue'] button[type=submit]");

        await GridAsync(page);
        Assert.That(await page.Locator("tr[data-status=invalid]").CountAsync(), Is.EqualTo(1));
        Assert.That(await page.Locator($"tr[data-row='{rows + 2}'] [data-reason=email]").TextContentAsync(), Does.Contain("broken-address"));
        await AssertAxeAsync(page, $"issue-dry-run-{lang}");

        await page.FillAsync($"input[name='cell-{rows}-0']", $"jan.{tag}@example.be");
        await page.ClickAsync("button[value=check]");
        await page.WaitForURLAsync("**/staff/issue/check", new() { Timeout = 60_000 });
        await GridAsync(page);
        Assert.That(await page.Locator("tr[data-status=invalid]").CountAsync(), Is.Zero);
        Assert.That(await page.Locator("tr[data-status=new]").CountAsync(), Is.EqualTo(rows + 1));

        await page.ClickAsync("button[data-action=issue]");
        await page.WaitForURLAsync("**/staff/issue/jobs/**", new() { Timeout = 60_000 });

        // axe on the progress page in a second tab whose copy of the page does not reload itself (its Refresh header is
        // dropped), so the check never races the reload; the first tab goes on reloading to done.
        var still = await page.Context.NewPageAsync();
        await still.RouteAsync("**/staff/issue/jobs/**", async route =>
        {
            var response = await route.FetchAsync();
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Response = response,
                Headers = response.Headers.Where(h => !h.Key.Equals("refresh", StringComparison.OrdinalIgnoreCase)),
            });
        });
        await still.GotoAsync(page.Url);
        Assert.That(await still.Locator("progress#progress").GetAttributeAsync("max"), Is.EqualTo((rows + 1).ToString(CultureInfo.InvariantCulture)),
            "the progress bar runs over every row");
        var shown = int.Parse(await still.Locator("progress#progress").GetAttributeAsync("value") ?? "-1", CultureInfo.InvariantCulture);
        Assert.That(shown, Is.InRange(0, rows + 1));
        await AssertAxeAsync(still, $"issue-progress-{lang}");
        await still.CloseAsync();

        // The page reloads itself (HTTP Refresh) until the job is done: wait on that state, not on a time.
        await page.Locator("[data-state=done]").WaitForAsync(new() { Timeout = 180_000 });
        Assert.That(await page.Locator("[data-field=done]").TextContentAsync(), Is.EqualTo((rows + 1).ToString(CultureInfo.InvariantCulture)));
        Assert.That(await page.Locator("progress#progress").GetAttributeAsync("value"), Is.EqualTo((rows + 1).ToString(CultureInfo.InvariantCulture)), "the bar is full");
        Assert.That(await page.Locator("a[data-action=links]").CountAsync(), Is.EqualTo(1));
        await AssertAxeAsync(page, $"issue-done-{lang}");
    }

    [Test]
    public async Task Xlsx_WithAnError_ShowsTheReasonNextToTheCell()
    {
        var page = await NewPageAsync("en");
        var file = Path.Combine(factory!.TempFolder, "learners.xlsx");
        await File.WriteAllBytesAsync(file, XlsxFile.Create([
            ["E-mail", "Name", "Code", "Awarded", "Grade"],
            [$"x.{Guid.NewGuid():N}@example.be", "Els Wouters", "MC-NOPE", new DateOnly(2026, 2, 6), 12.0],
        ]));

        await page.GotoAsync("/staff/issue");
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("form[action='/staff/issue'] button[type=submit]");
        await GridAsync(page);
        Assert.That(await page.Locator("tr[data-row='2'] [data-reason=code]").TextContentAsync(), Does.Contain("MC-NOPE"));
        Assert.That(await page.Locator("button[data-action=issue]").CountAsync(), Is.Zero, "nothing to issue while the only row is invalid");
        await AssertAxeAsync(page, "xlsx dry run");
    }

    // The dry-run page has loaded (its counts line is there); otherwise the assertion shows the page that came instead.
    private static async Task GridAsync(IPage page)
    {
        try
        {
            await page.Locator("[data-field=counts]").WaitForAsync(new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail("No dry-run grid; the page was:\n" + await page.ContentAsync());
        }
    }

    private async Task<IPage> NewPageAsync(string lang)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = lang,
        });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(page, new Uri(baseUrl + "/"), staff!.UserName);
        return page;
    }

    private static async Task AssertAxeAsync(IPage page, string what)
    {
        await PageChecks.AssertNoSeriousAxeViolationAsync(page, what);
        await PageChecks.ScreenshotAsync(page, what);
    }
}
