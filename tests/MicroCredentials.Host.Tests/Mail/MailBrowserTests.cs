using System.Globalization;
using System.Text;
using MicroCredentials.Data;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Host.Tests.Staff;
using Microsoft.Playwright;

namespace MicroCredentials.Host.Tests.Mail;

/// <summary>
/// In the Debian chromium, signed in through the real local sign-in form: upload a small list, issue it, press
/// "E-mail the graduates", see the outcomes (one refused with 550), re-send one; axe finds nothing serious, and the
/// e-mail page does not scroll sideways at 320 px.
/// </summary>
[NonParallelizable]
[TestFixture]
public sealed class MailBrowserTests
{
    private const int Timeout = 180_000;

    private SmtpTestServer? smtp;
    private HostFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    [OneTimeSetUp]
    public async Task Start()
    {
        smtp = SmtpTestServer.Start();
        factory = await HostFactory.CreateAsync("Sqlite", kestrel: true, extra: smtp.Settings());
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
        if (factory is not null)
        {
            await factory.DisposeAndAssertNo5xxAsync();
        }

        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }
    }

    [Test]
    public async Task IssueThenEmailTheGraduates_SeeOutcomes_ResendOne()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var refused = $"refused.{tag}@example.be";
        smtp!.Answer = (to, attempt) => to == refused && attempt == 1 ? (550, "5.1.1 No such mailbox") : null;
        var issuer = await StaffSession.CreateAccountAsync(factory!.Services, StaffRole.Issuer, displayName: "Ann Peeters");
        await using var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = factory.BaseAddress.ToString(), Locale = "en" });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(page, factory.BaseAddress, issuer.UserName);

        var csv = new StringBuilder("e-mail;naam;code;datum;cijfer;taal\n");
        csv.Append(CultureInfo.InvariantCulture, $"jan.{tag}@example.be;Jan De Vos;MC-DSH;2026-02-06;15;nl\n");
        csv.Append(CultureInfo.InvariantCulture, $"emma.{tag}@example.be;Emma Peeters;MC-DSH;2026-02-06;16;en\n");
        csv.Append(CultureInfo.InvariantCulture, $"{refused};Lotte Maes;MC-DSH;2026-02-06;14;fr\n");
        var file = Path.Combine(factory.TempFolder, "mail.csv");
        await File.WriteAllTextAsync(file, csv.ToString(), new UTF8Encoding(true));

        await page.GotoAsync("/staff/issue?lang=en");
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("form[action='/staff/issue'] button[type=submit]");
        await page.Locator("[data-field=counts]").WaitForAsync(new() { Timeout = Timeout });
        Assert.That(await page.Locator("select#map-5").InputValueAsync(), Is.EqualTo("language"), "the taal column is recognised");
        await page.ClickAsync("button[data-action=issue]");
        await page.Locator("[data-state=done]").WaitForAsync(new() { Timeout = Timeout });
        await AxeAsync(page, "job done with the mail panel");

        await page.ClickAsync("button[data-action=mail]");
        await page.WaitForURLAsync("**/mail?done=queued**", new() { Timeout = Timeout });
        // The page reloads itself while messages wait: wait for the outcome, not for a time.
        await page.Locator("[data-field=mail-status]").Filter(new() { HasText = "0 waiting" }).WaitForAsync(new() { Timeout = Timeout });
        Assert.That(await page.Locator("li[data-state=sent]").CountAsync(), Is.EqualTo(2));
        var failed = page.Locator("li[data-state=failed]");
        Assert.That(await failed.CountAsync(), Is.EqualTo(1));
        Assert.That(await failed.Locator("[data-field=answer]").InnerTextAsync(), Does.Contain("550"));
        Assert.That(await failed.Locator("[data-field=language]").InnerTextAsync(), Is.EqualTo("fr"));
        await AxeAsync(page, "e-mails with outcomes");

        await page.SetViewportSizeAsync(320, 800);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "no horizontal scroll at 320 px");
        await page.SetViewportSizeAsync(1280, 800);

        await failed.Locator("button[data-action=resend]").ClickAsync();
        await page.Locator("[data-done=resent]").WaitForAsync(new() { Timeout = Timeout });
        await page.Locator("[data-field=mail-status]").Filter(new() { HasText = "0 waiting" }).WaitForAsync(new() { Timeout = Timeout });
        Assert.That(await page.Locator("li[data-state=sent]").CountAsync(), Is.EqualTo(3));
        Assert.That(smtp.For(refused), Has.Count.EqualTo(1));
        Assert.That(smtp.For(refused)[0].Subject, Does.StartWith("Votre microcertification"));
        await AxeAsync(page, "after re-send");
    }

    private static async Task AxeAsync(IPage page, string what)
    {
        await PageChecks.AssertNoSeriousAxeViolationAsync(page, what);
        await PageChecks.ScreenshotAsync(page, what);
    }
}
