using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Host.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MicroCredentials.Host.Tests.Find;

/// <summary>
/// Find and act in the Debian chromium, signed in through the real local-account form: find "Jan De Vos" by name and by
/// e-mail, revoke through the confirmation and see the public verification page say revoked, re-issue with a corrected
/// name, see the learner's total ECTS. axe finds no serious or critical violation on any page at 390 and 1366 px, and
/// no page scrolls sideways at 320 px.
/// </summary>
[NonParallelizable]
[TestFixture]
public sealed class FindBrowserTests
{
    private const int Timeout = 60_000;
    private const string JanEmail = "jan.devos@example.be";

    private HostFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private readonly List<string> failures = [];

    private HostFactory Factory => factory ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private CredentialStore Store => Factory.Services.GetRequiredService<CredentialStore>();

    [OneTimeSetUp]
    public async Task Start()
    {
        factory = await HostFactory.CreateAsync("Sqlite", kestrel: true);
        playwright = await Playwright.CreateAsync();
        browser = await DebianChromium.LaunchAsync(playwright);
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
    public async Task FindRevokeReissue_AndTheLearnersTotalEcts()
    {
        // Jan De Vos holds MC-CBE (3 ECTS, from the samples) and MC-AIR (4 ECTS); MC-DSH (6 ECTS) was issued as "Jan Devos".
        var issued = await IssueAsync(
            File.ReadAllText(RepositoryPaths.File("samples", "learners.csv")).TrimEnd() + "\n"
            + $"{JanEmail};Jan Devos;MC-DSH;2026-02-06;14;2025-09-22;2026-01-23\n{JanEmail};Jan De Vos;MC-AIR;2026-02-06;13;2025-09-22;2026-01-23\n");
        var cbe = issued.Single(r => r.LearnerName == "Jan De Vos" && r.Code == "MC-CBE").Credential!;
        var dsh = issued.Single(r => r.LearnerName == "Jan Devos").Credential!;
        var admin = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Administrator, displayName: "Griet Claeys");

        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Factory.BaseAddress.ToString(), Locale = "en", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        await using var _ = context;
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(page, Factory.BaseAddress, admin.UserName);

        // Find by name.
        await page.ClickAsync("nav.staff-nav a[href='/staff/credentials']");
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/staff/credentials", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#q").WaitForAsync();
        await CheckAsync(page, "search");
        await page.FillAsync("#q", "Jan De Vos");
        await page.ClickAsync("form[data-form=find] button[type=submit]");
        await page.Locator($"tr[data-credential='{cbe.Handle}']").WaitForAsync();
        await CheckAsync(page, "results-name");

        // Find by e-mail (through the lookup hash): all three of Jan's credentials.
        await page.FillAsync("#q", "Jan.DeVos@example.be");
        await page.ClickAsync("form[data-form=find] button[type=submit]");
        await page.Locator($"tr[data-credential='{dsh.Handle}']").WaitForAsync();
        Assert.That(await page.Locator("table.find-results tbody tr").CountAsync(), Is.EqualTo(3));
        await CheckAsync(page, "results-email");

        // Revoke MC-CBE with a reason, through the confirmation.
        await page.ClickAsync($"tr[data-credential='{cbe.Handle}'] a[data-field=name]");
        await page.Locator("a[data-action=revoke]").WaitForAsync();
        await CheckAsync(page, "credential");
        await page.ClickAsync("a[data-action=revoke]");
        await page.FillAsync("#reason", "Exam board annulled the result");
        await CheckAsync(page, "revoke-form");
        await page.ClickAsync("form[data-form=revoke] button[type=submit]");
        var what = page.Locator("[data-field=what-happens]");
        await what.WaitForAsync();
        Assert.That(await what.InnerTextAsync(), Does.Contain("revoked for good").And.Contain(cbe.ShortCode));
        Assert.That((await Store.FindByIdAsync(cbe.Id, CancellationToken.None))!.IsRevoked, Is.False, "the confirmation page changed nothing");
        await CheckAsync(page, "revoke-confirm");
        await page.ClickAsync("form[data-form=confirm] button[data-action=confirm]");
        await page.Locator("[data-done=revoke]").WaitForAsync();
        Assert.That(await page.Locator("[data-field=state] [data-state]").GetAttributeAsync("data-state"), Is.EqualTo("revoked"));
        Assert.That(await page.Locator("tr[data-history=Revoke] [data-field=who]").InnerTextAsync(), Does.Contain("Griet Claeys"));
        Assert.That(await page.Locator("tr[data-history=Revoke] [data-field=detail]").InnerTextAsync(), Is.EqualTo("Exam board annulled the result"));

        // The public verification page says revoked.
        var verification = await page.Locator("a[data-link=verification]").GetAttributeAsync("href");
        await page.GotoAsync(verification!);
        Assert.That(await page.Locator(".verdict[data-verdict]").GetAttributeAsync("data-verdict"), Is.EqualTo("Revoked"));

        // Re-issue MC-DSH with the corrected name.
        await page.GotoAsync($"/staff/credentials/{dsh.Handle}");
        await page.ClickAsync("a[data-action=reissue]");
        await page.FillAsync("#email", JanEmail);
        await page.FillAsync("#name", "Jan De Vos");
        await page.FillAsync("#reason", "Name misspelt on the exam list");
        await CheckAsync(page, "reissue-form");
        await page.ClickAsync("form[data-form=reissue] button[type=submit]");
        var change = page.Locator("[data-field=name-change]");
        await change.WaitForAsync();
        Assert.That(await change.InnerTextAsync(), Is.EqualTo("Jan Devos → Jan De Vos"));
        await CheckAsync(page, "reissue-confirm");
        await page.ClickAsync("form[data-form=confirm] button[data-action=confirm]");
        await page.Locator("[data-done=reissue]").WaitForAsync();
        Assert.That(await page.Locator("h1.page-title").InnerTextAsync(), Does.StartWith("Jan De Vos"));
        Assert.That(await page.Locator("[data-field=supersedes]").CountAsync(), Is.EqualTo(1));
        var old = await Store.FindByIdAsync(dsh.Id, CancellationToken.None);
        Assert.That(old!.State, Is.EqualTo(CredentialState.Superseded));
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/staff/credentials/" + (await Store.FindByIdAsync(old.SupersededBy!, CancellationToken.None))!.Handle));
        await CheckAsync(page, "credential-reissued");

        // The learner's credentials together: the valid MC-DSH (6) and MC-AIR (4); the revoked and the superseded do not count.
        await page.ClickAsync("a[data-link=learner]");
        var total = page.Locator("[data-field=total-ects]");
        await total.WaitForAsync();
        Assert.That(await total.GetAttributeAsync("data-ects"), Is.EqualTo("10"));
        Assert.That(await page.Locator("table.find-results tbody tr").CountAsync(), Is.EqualTo(4));
        await CheckAsync(page, "learner");

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task FindPages_InDutchAndFrench_NoSeriousAxeViolation()
    {
        var issued = await IssueAsync("email;name;code;awarded;grade\nines.lemaire@example.be;Inès Lemaire;MC-DSH;2026-02-06;15\n");
        var handle = issued[0].Credential!.Handle;
        var admin = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Administrator);
        foreach (var lang in new[] { "nl", "fr" })
        {
            var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Factory.BaseAddress.ToString(), Locale = lang });
            await using var _ = context;
            context.SetDefaultTimeout(Timeout);
            var page = await context.NewPageAsync();
            await StaffSession.SignInAsync(page, Factory.BaseAddress, admin.UserName);
            foreach (var (path, name) in new[]
            {
                ("/staff/credentials?q=ines", "results"), ($"/staff/credentials/{handle}", "credential"), ($"/staff/credentials/{handle}/suspend", "suspend-form"),
                ($"/staff/credentials/{handle}/reissue", "reissue-form"), ($"/staff/credentials/{handle}/learner", "learner"),
            })
            {
                await page.GotoAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? "&" : "?")}lang={lang}");
                Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo(lang));
                await CheckAsync(page, $"{name}-{lang}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    private async Task<IReadOnlyList<IssueResult>> IssueAsync(string csvText)
    {
        var issuance = Factory.Services.GetRequiredService<IssuanceService>();
        var catalog = Factory.Services.GetRequiredService<MicroCredentialCatalog>();
        var csv = LearnerCsvReader.Read(csvText, "find.csv", catalog, AwardDates.Today(Factory.Services.GetRequiredService<TimeProvider>()));
        Assert.That(csv.Errors, Is.Empty);
        var results = await issuance.IssueBatchAsync(catalog, csv, "tests", dryRun: false, progress: null, CancellationToken.None);
        Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(IssueOutcome.Issued));
        return results;
    }

    // axe at a phone's and a laptop's width; no sideways scrolling at the narrowest phone width (WCAG 1.4.10 reflow).
    private async Task CheckAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1366, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            failures.AddRange(await PageChecks.SeriousAxeViolationsAsync(page, $"{name}@{width}"));
            await PageChecks.ScreenshotAsync(page, $"{name}-{width}");
        }

        await page.SetViewportSizeAsync(320, 900);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            failures.Add($"{name}@320: scrolls sideways by {overflow} px");
        }

        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "find-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-320.png"), FullPage = true });
        await page.SetViewportSizeAsync(1366, 900);
    }
}
