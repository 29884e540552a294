using System.Net;
using MicroCredentials.Data;
using MicroCredentials.Host.Staff;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.Staff;

/// <summary>Local sign-in through the real form: the cookie's attributes, refusals, lockout, disabled accounts, and the audit log.</summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class StaffSignInTests(string provider)
{
    private HostFactory? factory;
    private HttpClient? client;

    private HostFactory Factory => factory ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    // One client per host (the test server's handler chain is built once); each session keeps its own cookies.
    private HttpClient Client => client ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private CredentialStore Store => Factory.Services.GetRequiredService<CredentialStore>();

    [OneTimeSetUp]
    public async Task Start()
    {
        factory = await HostFactory.CreateAsync(provider);
        client = factory.Client();
    }

    [OneTimeTearDown]
    public async Task Stop() => await Factory.DisposeAndAssertNo5xxAsync();

    [Test]
    public async Task SignIn_RightPassword_SetsSecureHttpOnlyStrictCookieAndAudits()
    {
        var account = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Issuer, displayName: "Ann Peeters");
        var session = StaffSession.Anonymous(Client);
        using var response = await session.SignInWithPasswordAsync(account.UserName, StaffSession.DefaultPassword, "/staff/find?q=x");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/staff/find?q=x"));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffAuthentication.CookieName + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.That(cookie, Does.Contain("secure").And.Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/staff"));

        using var home = await session.GetAsync("/staff");
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await home.Content.ReadAsStringAsync(), Does.Contain("Ann Peeters"));
        var audit = await Store.FilterAuditAsync(new AuditQuery { Action = AuditAction.SignIn, Actor = account.UserName }, 0, 10, CancellationToken.None);
        Assert.That(audit.Single().Actor, Is.EqualTo($"Ann Peeters ({account.UserName})"));
    }

    [TestCase("https://evil.example/staff", TestName = "SignIn_ReturnUrlElsewhere_GoesToStaffHome(absolute)")]
    [TestCase("//evil.example/staff", TestName = "SignIn_ReturnUrlElsewhere_GoesToStaffHome(protocol-relative)")]
    [TestCase("/v", TestName = "SignIn_ReturnUrlElsewhere_GoesToStaffHome(public page)")]
    public async Task SignIn_ReturnUrlElsewhere_GoesToStaffHome(string returnUrl)
    {
        var account = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Issuer);
        using var response = await StaffSession.Anonymous(Client).SignInWithPasswordAsync(account.UserName, StaffSession.DefaultPassword, returnUrl);
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/staff"));
    }

    [Test]
    public async Task SignIn_WrongPassword_RefusedAndAuditedWithTheName()
    {
        var account = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Issuer, displayName: "Bart Claes");
        var session = StaffSession.Anonymous(Client);
        using var response = await session.SignInWithPasswordAsync(account.UserName, "not the password at all");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("data-error=\"Invalid\""));
        Assert.That(session.Cookies.ContainsKey(StaffAuthentication.CookieName), Is.False);
        var audit = await Store.FilterAuditAsync(new AuditQuery { Action = AuditAction.SignInFailed, Actor = account.UserName }, 0, 10, CancellationToken.None);
        Assert.That(audit.Single().Actor, Is.EqualTo($"Bart Claes ({account.UserName})"));
        Assert.That(audit.Single().Detail, Does.Contain("wrong password"));
    }

    [Test]
    public async Task SignIn_UnknownName_RefusedLikeAWrongPassword()
    {
        using var response = await StaffSession.Anonymous(Client).SignInWithPasswordAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], "whatever password");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("data-error=\"Invalid\""));
    }

    [Test]
    public async Task SignIn_FiveWrongPasswords_LocksEvenTheRightOne()
    {
        var account = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Issuer);
        var session = StaffSession.Anonymous(Client);
        for (var i = 1; i <= 5; i++)
        {
            using var wrong = await session.SignInWithPasswordAsync(account.UserName, "wrong password " + i);
            Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain(i < 5 ? "data-error=\"Invalid\"" : "data-error=\"Locked\""), $"attempt {i}");
        }

        using var right = await session.SignInWithPasswordAsync(account.UserName, StaffSession.DefaultPassword);
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await right.Content.ReadAsStringAsync(), Does.Contain("data-error=\"Locked\""));
        Assert.That((await Store.FindAccountAsync(account.Id, CancellationToken.None))!.LockoutEnd, Is.Not.Null);
        var audit = await Store.FilterAuditAsync(new AuditQuery { Action = AuditAction.SignInFailed, Actor = account.UserName }, 0, 10, CancellationToken.None);
        Assert.That(audit.Select(a => a.Detail), Has.Some.Contains("locked out"));
    }

    [Test]
    public async Task SignIn_PasswordOnePastTheBound_Refused()
    {
        var account = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Issuer, password: new string('p', HostLimits.StaffPasswordMaxLength));
        var session = StaffSession.Anonymous(Client);
        using var longest = await session.SignInWithPasswordAsync(account.UserName, new string('p', HostLimits.StaffPasswordMaxLength));
        Assert.That(longest.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a password of exactly the bound signs in");
        using var tooLong = await StaffSession.Anonymous(Client).SignInWithPasswordAsync(account.UserName, new string('p', HostLimits.StaffPasswordMaxLength + 1));
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task DisabledAccount_ItsSessionEndsAndItCannotSignIn()
    {
        var issuer = await StaffSession.SignInAsync(Client, Factory.Services, StaffRole.Issuer);
        var admin = await StaffSession.SignInAsync(Client, Factory.Services, StaffRole.Administrator);
        var account = await Store.FindAccountByNameAsync(issuer.UserName.ToUpperInvariant(), CancellationToken.None);
        using var disable = await admin.PostFormAsync($"/staff/admin/accounts/{account!.Id}/disable", []);
        Assert.That(disable.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        using var after = await issuer.GetAsync("/staff");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the disabled account's open session ended");
        Assert.That(after.Headers.Location?.AbsolutePath, Is.EqualTo("/staff/signin"));
        using var again = await StaffSession.Anonymous(Client).SignInWithPasswordAsync(issuer.UserName, StaffSession.DefaultPassword);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task SignOut_EndsTheSessionAndIsAudited()
    {
        var session = await StaffSession.SignInAsync(Client, Factory.Services, StaffRole.Issuer);
        using var signOut = await session.PostFormAsync("/staff/signout", []);
        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var after = await session.GetAsync("/staff");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var audit = await Store.FilterAuditAsync(new AuditQuery { Action = AuditAction.SignOut, Actor = session.UserName }, 0, 10, CancellationToken.None);
        Assert.That(audit, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Anonymous_StaffPage_RedirectsToSignInWithReturnUrl()
    {
        using var response = await StaffSession.Anonymous(Client).GetAsync("/staff/admin/audit");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.PathAndQuery, Is.EqualTo("/staff/signin?returnUrl=%2Fstaff%2Fadmin%2Faudit"));
    }

    [Test]
    public async Task Issuer_AdminPage_Gets403Page()
    {
        var session = await StaffSession.SignInAsync(Client, Factory.Services, StaffRole.Issuer);
        using var response = await session.GetAsync("/staff/admin/accounts");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("data-problem=\"Forbidden\"").And.Contain("for administrators"));
    }

    [Test]
    public async Task Api_StillUsesApiKeys_NotTheCookie()
    {
        var session = await StaffSession.SignInAsync(Client, Factory.Services, StaffRole.Administrator);
        using var response = await session.GetAsync("/api/credentials");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
