using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MicroCredentials.Host.Tests.Staff;

/// <summary>
/// The staff sign-in and administration journeys in the Debian chromium: the first-administrator setup link, local sign-in,
/// lockout, OpenID Connect sign-in through the loopback provider, the administration pages and API-key creation; axe finds
/// no serious or critical violation on any of these pages (in English, Dutch and French).
/// </summary>
[NonParallelizable]
[TestFixture]
public sealed class StaffBrowserTests
{
    private const int Timeout = 60_000;

    private OidcTestProvider? oidc;
    private HostFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private readonly List<string> axeFailures = [];

    private HostFactory Factory => factory ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private CredentialStore Store => Factory.Services.GetRequiredService<CredentialStore>();

    [OneTimeSetUp]
    public async Task Start()
    {
        oidc = await OidcTestProvider.StartAsync();
        factory = await HostFactory.CreateAsync("Sqlite", kestrel: true, extra: StaffOidcTests.OidcSettings(oidc));
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
        if (oidc is not null)
        {
            await oidc.DisposeAsync();
        }
    }

    [Test]
    [Order(1)]
    public async Task SetupLink_CreatesTheFirstAdministrator_InTheBrowser()
    {
        Assert.That(await Store.CountAccountsAsync(CancellationToken.None), Is.Zero);
        var token = await Store.CreateSetupTokenAsync(TimeSpan.FromHours(1), CancellationToken.None);
        var (context, page) = await NewPageAsync("en");
        await using var _ = context;
        await page.GotoAsync($"/staff/setup?token={token}&lang=en");
        await AxeAsync(page, "setup", "en");
        await page.FillAsync("#displayName", "Marie Dubois");
        await page.FillAsync("#userName", "marie");
        await page.FillAsync("#password", "first administrator password");
        await page.ClickAsync("form[data-form=setup] button[type=submit]");
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/staff/admin/accounts", new() { Timeout = Timeout });
        Assert.That(await page.Locator("tr[data-account=marie]").CountAsync(), Is.EqualTo(1));
        Assert.That((await context.CookiesAsync()).Single(c => c.Name == "microcred-staff"), Has.Property("HttpOnly").True.And.Property("Secure").True
            .And.Property("SameSite").EqualTo(SameSiteAttribute.Strict));
    }

    [Test]
    [Order(2)]
    public async Task LocalSignIn_AdminPages_AndApiKeyCreation()
    {
        var admin = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Administrator, displayName: "Jef Van den Broeck");
        foreach (var lang in new[] { "en", "nl", "fr" })
        {
            var (context, page) = await NewPageAsync(lang);
            await using var _ = context;
            await page.GotoAsync($"/staff/signin?lang={lang}");
            await AxeAsync(page, "signin", lang);
            await StaffSession.SignInAsync(page, Factory.BaseAddress, admin.UserName);
            await AxeAsync(page, "home", lang);
            foreach (var (path, name) in new[] { ("/staff/admin", "admin"), ("/staff/admin/accounts", "accounts"), ("/staff/admin/apikeys", "apikeys"), ("/staff/admin/audit", "audit") })
            {
                await page.GotoAsync($"{path}?lang={lang}");
                await AxeAsync(page, name, lang);
            }
        }

        var (ctx, p) = await NewPageAsync("en");
        await using var __ = ctx;
        await StaffSession.SignInAsync(p, Factory.BaseAddress, admin.UserName);
        await p.GotoAsync("/staff/admin/apikeys");
        await p.FillAsync("form[data-form=create-key] #name", "Browser ERP");
        await p.SelectOptionAsync("form[data-form=create-key] #role", "Issuer");
        await p.ClickAsync("form[data-form=create-key] button[type=submit]");
        var key = p.Locator("[data-field=plain-key]");
        await key.WaitForAsync(new() { Timeout = Timeout });
        Assert.That(await key.InnerTextAsync(), Does.StartWith("mck_"));
        await AxeAsync(p, "apikey-created", "en");
        var created = await key.InnerTextAsync();
        Assert.That((await Store.VerifyApiKeyAsync(created, CancellationToken.None)).IsValid, Is.True);

        await p.GotoAsync("/staff/admin/accounts");
        await p.FillAsync("form[data-form=create] #displayName", "Nora El Amrani");
        await p.FillAsync("form[data-form=create] #userName", "nora");
        await p.FillAsync("form[data-form=create] #password", "nora's long password");
        await p.ClickAsync("form[data-form=create] button[type=submit]");
        await p.Locator("[data-done=created]").WaitForAsync(new() { Timeout = Timeout });
        Assert.That(await p.Locator("tr[data-account=nora] [data-field=role]").InnerTextAsync(), Is.EqualTo("Issuer"));

        await p.GotoAsync("/staff/admin/audit?action=ApiKeyCreate");
        Assert.That(await p.Locator("tr[data-audit=ApiKeyCreate]").First.InnerTextAsync(), Does.Contain("Jef Van den Broeck").And.Contain("Browser ERP"));
        Assert.That(axeFailures, Is.Empty);
    }

    [Test]
    [Order(3)]
    public async Task Lockout_AfterFiveWrongPasswords_InTheBrowser_AndIssuerSees403Page()
    {
        var account = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Issuer);
        var (context, page) = await NewPageAsync("nl");
        await using var _ = context;
        for (var i = 1; i <= 5; i++)
        {
            await page.GotoAsync("/staff/signin?lang=nl");
            await page.FillAsync("#userName", account.UserName);
            await page.FillAsync("#password", "wrong password " + i);
            await page.ClickAsync("form[data-form=signin] button[type=submit]");
            await page.Locator("[data-error]").WaitForAsync(new() { Timeout = Timeout });
        }

        Assert.That(await page.Locator("[data-error]").GetAttributeAsync("data-error"), Is.EqualTo("Locked"));
        Assert.That(await page.Locator("[data-error]").InnerTextAsync(), Does.Contain("geblokkeerd"));
        await AxeAsync(page, "signin-locked", "nl");

        var issuer = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Issuer);
        await StaffSession.SignInAsync(page, Factory.BaseAddress, issuer.UserName);
        var denied = await page.GotoAsync("/staff/admin/accounts?lang=nl");
        Assert.That(denied!.Status, Is.EqualTo(403));
        Assert.That(await page.Locator("[data-problem=Forbidden]").CountAsync(), Is.EqualTo(1));
        await AxeAsync(page, "denied", "nl");
        Assert.That(axeFailures, Is.Empty);
    }

    [Test]
    [Order(4)]
    public async Task OidcSignIn_ThroughTheLoopbackProvider_InTheBrowser()
    {
        oidc!.NextUser = new("sub-browser-1", "Hanne Willems", "hanne@uni.example", ["microcredential-admins"]);
        var (context, page) = await NewPageAsync("fr");
        await using var _ = context;
        await page.GotoAsync("/staff/admin/audit?lang=fr");
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/staff/signin", new() { Timeout = Timeout });
        await page.ClickAsync("a[data-action=oidc]");
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/staff/admin/audit", new() { Timeout = Timeout });
        Assert.That(await page.Locator("form.signed-in").InnerTextAsync(), Does.Contain("Hanne Willems"));
        await AxeAsync(page, "audit-oidc", "fr");
        Assert.That(axeFailures, Is.Empty);
    }

    private async Task<(IBrowserContext Context, IPage Page)> NewPageAsync(string lang)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Factory.BaseAddress.ToString(), Locale = lang });
        context.SetDefaultTimeout(Timeout);
        return (context, await context.NewPageAsync());
    }

    private async Task AxeAsync(IPage page, string name, string lang)
    {
        axeFailures.AddRange(await PageChecks.SeriousAxeViolationsAsync(page, $"{name}/{lang}"));
        await PageChecks.ScreenshotAsync(page, $"{name}-{lang}");
    }
}
