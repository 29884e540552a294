using System.Net;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MicroCredentials.Host.Tests.Staff;

/// <summary>
/// Passkeys for local staff accounts in the Debian chromium, with Chromium's own WebAuthn virtual authenticator (CTAP2,
/// resident keys, user verification) driven over the DevTools protocol: the real browser ceremony against the host's
/// .NET 10 Identity passkey handler. The host runs at <c>localhost</c>, since WebAuthn refuses an IP address as the
/// relying party id.
/// </summary>
[NonParallelizable]
[TestFixture]
public sealed class StaffPasskeyBrowserTests
{
    private const int Timeout = 60_000;

    private HostFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private readonly List<string> failures = [];

    private HostFactory Factory => factory ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private CredentialStore Store => Factory.Services.GetRequiredService<CredentialStore>();

    [OneTimeSetUp]
    public async Task Start()
    {
        factory = await HostFactory.CreateAsync("Sqlite", kestrel: true, hostName: "localhost");
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
    public async Task RegisterAPasskey_SignInWithIt_RefusedWhenLocked_ThenRemoveIt()
    {
        var account = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Issuer, displayName: "Els Wouters");
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Factory.BaseAddress.ToString(), Locale = "nl" });
        await using var _ = context;
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Type + ": " + m.Text);
        page.PageError += (_, e) => console.Add("page error: " + e);
        var devtools = await context.NewCDPSessionAsync(page);
        await devtools.SendAsync("WebAuthn.enable");
        await devtools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true, ["hasUserVerification"] = true,
                ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await StaffSession.SignInAsync(page, Factory.BaseAddress, account.UserName);
        await page.GotoAsync("/staff/account?lang=nl");
        Assert.That(await page.Locator("[data-passkeys=none]").CountAsync(), Is.EqualTo(1));
        await CheckPageAsync(page, "account-empty");

        await page.FillAsync("#passkeyName", "Laptop kantoor");
        await page.ClickAsync("form[data-form=add-passkey] button[type=submit]");
        await page.Locator("[data-done=added], [data-passkey-error]:visible, [data-error]").First.WaitForAsync(new() { Timeout = Timeout });
        Assert.That(page.Url, Does.Contain("done=added"), string.Join("\n", console) + await page.ContentAsync());
        Assert.That(await page.Locator("tr[data-passkey='Laptop kantoor']").CountAsync(), Is.EqualTo(1));
        await CheckPageAsync(page, "account-passkey");
        var stored = (await Store.ListPasskeysAsync(account.Id, CancellationToken.None)).Single();
        Assert.That(stored.LastUsedAt, Is.Null);

        // Sign out, then in again with the passkey alone: no name, no password.
        await page.ClickAsync("form.signed-in button[type=submit]");
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/staff/signin", new() { Timeout = Timeout });
        await page.GotoAsync("/staff/signin?lang=nl");
        await CheckPageAsync(page, "signin-passkey");
        await page.ClickAsync("form[data-form=passkey-signin] button[type=submit]");
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/staff", new() { Timeout = Timeout });
        Assert.That(await page.Locator("form.signed-in").InnerTextAsync(), Does.Contain("Els Wouters"));
        var signIns = await Store.FilterAuditAsync(new AuditQuery { Action = AuditAction.SignIn, Actor = account.UserName }, 0, 10, CancellationToken.None);
        Assert.That(signIns.Select(a => a.Detail), Does.Contain("passkey as Issuer"));
        Assert.That((await Store.FindPasskeyAsync(stored.CredentialId, CancellationToken.None))!.LastUsedAt, Is.Not.Null);

        // A locked account is refused with the passkey as with the password.
        var locked = (await Store.FindAccountAsync(account.Id, CancellationToken.None))! with { LockoutEnd = Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1) };
        Assert.That(await Store.UpdateAccountAsync(locked, null, CancellationToken.None), Is.EqualTo(AccountSaveOutcome.Saved));
        await page.ClickAsync("form.signed-in button[type=submit]");
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/staff/signin", new() { Timeout = Timeout });
        await page.ClickAsync("form[data-form=passkey-signin] button[type=submit]");
        await page.Locator("[data-error=Passkey]").WaitForAsync(new() { Timeout = Timeout });
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/staff/signin/passkey"));
        var refused = await Store.FilterAuditAsync(new AuditQuery { Action = AuditAction.SignInFailed, Actor = account.UserName }, 0, 10, CancellationToken.None);
        Assert.That(refused.Select(a => a.Detail), Does.Contain("passkey: locked out"));

        // Unlocked: sign in with the password and remove the passkey.
        Assert.That(await Store.UpdateAccountAsync(locked with { LockoutEnd = null }, null, CancellationToken.None), Is.EqualTo(AccountSaveOutcome.Saved));
        await StaffSession.SignInAsync(page, Factory.BaseAddress, account.UserName);
        await page.GotoAsync("/staff/account?lang=fr");
        await page.ClickAsync("tr[data-passkey='Laptop kantoor'] form[data-form=remove-passkey] button");
        await page.WaitForURLAsync(u => u.Contains("done=removed", StringComparison.Ordinal), new() { Timeout = Timeout });
        Assert.That(await Store.ListPasskeysAsync(account.Id, CancellationToken.None), Is.Empty);
        await CheckPageAsync(page, "account-removed");
        Assert.That(failures, Is.Empty);
    }

    private async Task CheckPageAsync(IPage page, string name)
    {
        failures.AddRange(await PageChecks.SeriousAxeViolationsAsync(page, name));
        await PageChecks.ScreenshotAsync(page, name);

        var size = page.ViewportSize;
        foreach (var width in new[] { 320, 1366 })
        {
            await page.SetViewportSizeAsync(width, 800);
            var overflow = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            if (overflow[0] > overflow[1])
            {
                failures.Add($"{name}: scrollWidth {overflow[0]} > innerWidth {overflow[1]} at {width} px");
            }
        }

        if (size is not null)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }

        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "staff-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }
}

/// <summary>Passkey sign-in answers that no authenticator made: refused on the sign-in page (401), audited, never a 5xx.</summary>
public sealed class StaffPasskeyRefusalTests() : StaffFixture("Sqlite")
{
    [TestCase("{}")]
    [TestCase("not json")]
    [TestCase("""{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"AAAA","signature":"AAAA"}}""")]
    public async Task ForgedAnswer_WithAFreshChallenge_IsRefused(string credential)
    {
        var session = StaffSession.Anonymous(Client);
        using (var options = await session.PostFormAsync("/staff/signin/passkey/options", [], tokenFrom: "/staff/signin"))
        {
            Assert.That(options.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await options.Content.ReadAsStringAsync(), Does.Contain("\"challenge\""));
        }

        Assert.That(session.Cookies.ContainsKey(StaffPasskeysCookie), "the ceremony's state travels in its own cookie");
        using var answer = await session.PostFormAsync("/staff/signin/passkey", [new("credential", credential)], tokenFrom: "/staff/signin");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await answer.Content.ReadAsStringAsync(), Does.Contain("data-error=\"Passkey\""));
        Assert.That(session.Cookies.ContainsKey(StaffPasskeysCookie), Is.False, "the state is spent by its answer");
    }

    [Test]
    public async Task Answer_WithoutAChallenge_OrOverTheBound_IsRefused()
    {
        var session = StaffSession.Anonymous(Client);
        using var noState = await session.PostFormAsync("/staff/signin/passkey", [new("credential", "{}")], tokenFrom: "/staff/signin");
        Assert.That(noState.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using (await session.PostFormAsync("/staff/signin/passkey/options", [], tokenFrom: "/staff/signin"))
        {
        }

        using var huge = await session.PostFormAsync("/staff/signin/passkey",
            [new("credential", new string('a', HostLimits.PasskeyCredentialJsonMaxChars + 1))], tokenFrom: "/staff/signin");
        Assert.That(huge.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var audit = await Store.FilterAuditAsync(new AuditQuery { Action = AuditAction.SignInFailed, Actor = "passkey" }, 0, 10, CancellationToken.None);
        Assert.That(audit.Select(a => a.Detail), Does.Contain("passkey: malformed answer").And.Contain("passkey: the sign-in took too long or was not started here"));
    }

    [Test]
    public async Task AccountPage_AndPasskeyRegistration_NeedASignedInPerson_AndTheFormToken()
    {
        var anonymous = StaffSession.Anonymous(Client);
        using var page = await anonymous.GetAsync("/staff/account");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.Headers.Location?.ToString(), Does.Contain("/staff/signin"));

        var issuer = await SignInAsync(StaffRole.Issuer);
        using var mine = await issuer.GetAsync("/staff/account");
        Assert.That(mine.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await mine.Content.ReadAsStringAsync(), Does.Contain("data-passkeys=\"none\""));
        using var forged = await issuer.PostFormWithTokenAsync("/staff/account/passkeys/options", [], token: null);
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var options = await issuer.PostFormAsync("/staff/account/passkeys/options", [], tokenFrom: "/staff/account");
        Assert.That(options.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await options.Content.ReadAsStringAsync(), Does.Contain("\"residentKey\":\"required\""));
        using var forgedAnswer = await issuer.PostFormAsync("/staff/account/passkeys", [new("name", "Laptop"), new("credential", "{}")], tokenFrom: "/staff/account");
        Assert.That(forgedAnswer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await forgedAnswer.Content.ReadAsStringAsync(), Does.Contain("data-error=\"Failed\""));
    }

    private const string StaffPasskeysCookie = MicroCredentials.Host.Staff.StaffPasskeys.StateCookie;
}
