using System.Net;
using System.Text.RegularExpressions;
using MicroCredentials.Data;
using MicroCredentials.Host.Staff;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MicroCredentials.Host.Tests.Staff;

/// <summary>
/// The first start with no account: the host logs a one-time setup link (no bootstrap API key any more); the link creates
/// the first administrator once, signs them in, and is refused after that.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed partial class StaffSetupLinkTests(string provider)
{
    [Test]
    public async Task FirstStart_LogsSetupLink_WhichCreatesTheFirstAdministratorOnce()
    {
        var captured = new CapturedLog();
        await using var factory = await HostFactory.CreateAsync(provider);
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(captured)));
        var client = host.CreateDefaultClient();
        var store = host.Services.GetRequiredService<CredentialStore>();

        var line = captured.Entries.Single(e => e.Contains("/staff/setup?token=", StringComparison.Ordinal));
        Assert.That(line, Does.Contain("Warning").And.Contain("60 minutes"));
        Assert.That(captured.Entries, Has.None.Contains("mck_"), "no bootstrap API key is created or logged");
        Assert.That(await store.ListApiKeysAsync(CancellationToken.None), Is.Empty);
        var token = TokenPattern().Match(line).Groups[1].Value;

        var session = StaffSession.Anonymous(client);
        using (var form = await session.GetAsync("/staff/setup?token=" + token))
        {
            Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using (var weak = await session.PostFormAsync("/staff/setup", Fields(token, "short"), tokenFrom: "/staff/setup?token=" + token))
        {
            Assert.That(weak.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a refused form does not spend the link");
        }

        using (var created = await session.PostFormAsync("/staff/setup", Fields(token, "first administrator password"), tokenFrom: "/staff/setup?token=" + token))
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(created.Headers.Location?.OriginalString, Is.EqualTo("/staff/admin/accounts"));
        }

        using (var accounts = await session.GetAsync("/staff/admin/accounts"))
        {
            Assert.That(accounts.StatusCode, Is.EqualTo(HttpStatusCode.OK), "signed in as the new administrator");
        }

        var account = (await store.ListAccountsAsync(CancellationToken.None)).Single();
        Assert.That((account.UserName, account.DisplayName, account.Role), Is.EqualTo(("marie", "Marie Dubois", StaffRole.Administrator)));
        var audit = await store.FilterAuditAsync(new AuditQuery { Actor = "marie" }, 0, 10, CancellationToken.None);
        Assert.That(audit.Select(a => a.Action), Is.EquivalentTo(new[] { AuditAction.SignIn }));
        Assert.That(audit[0].Detail, Does.Contain("setup link"));

        var again = StaffSession.Anonymous(client);
        using (var reused = await again.GetAsync("/staff/setup?token=" + token))
        {
            Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await reused.Content.ReadAsStringAsync(), Does.Contain("data-error=\"LinkInvalid\""));
        }

        using var replay = await again.PostFormAsync("/staff/setup", Fields(token, "second administrator password"), tokenFrom: StaffAuthentication.SignInPath);
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await store.CountAccountsAsync(CancellationToken.None), Is.EqualTo(1));
    }

    [TestCase("", TestName = "SetupPage_UnknownToken_NotFound(empty)")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestName = "SetupPage_UnknownToken_NotFound(unknown)")]
    [TestCase("x", TestName = "SetupPage_UnknownToken_NotFound(short)")]
    public async Task SetupPage_UnknownToken_NotFound(string token)
    {
        await using var factory = await HostFactory.CreateAsync(provider);
        var session = StaffSession.Anonymous(factory.Client());
        using var response = await session.GetAsync("/staff/setup?token=" + token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await factory.DisposeAndAssertNo5xxAsync();
    }

    [Test]
    public async Task Start_WithAnAccount_LogsNoSetupLink()
    {
        var captured = new CapturedLog();
        await using var factory = await HostFactory.CreateAsync(provider);
        await using (var first = factory.WithWebHostBuilder(_ => { }))
        {
            await StaffSession.CreateAccountAsync(first.Services, StaffRole.Administrator);
        }

        await using var second = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(captured)));
        Assert.That(await second.Services.GetRequiredService<CredentialStore>().CountAccountsAsync(CancellationToken.None), Is.EqualTo(1));
        Assert.That(captured.Entries, Has.None.Contains("/staff/setup"));
    }

    private static KeyValuePair<string, string>[] Fields(string token, string password) =>
        [new("token", token), new("userName", "marie"), new("displayName", "Marie Dubois"), new("password", password)];

    [GeneratedRegex(@"/staff/setup\?token=([A-Za-z0-9_-]{43})")]
    private static partial Regex TokenPattern();
}
