using System.Net;
using MicroCredentials.Data;
using MicroCredentials.Host.Staff;

namespace MicroCredentials.Host.Tests.Staff;

/// <summary>Every staff form is refused without this session's antiforgery token: none, another session's, or an anonymous page's.</summary>
[TestFixture("Sqlite")]
public sealed class StaffCsrfTests(string provider) : StaffFixture(provider)
{
    private static readonly KeyValuePair<string, string>[] NewKey = [new("name", "csrf-test"), new("role", "Administrator")];

    [Test]
    public async Task CreateApiKey_WithoutToken_RefusedAndNothingCreated()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        var before = (await Store.ListApiKeysAsync(CancellationToken.None)).Count;
        using var response = await admin.PostFormWithTokenAsync("/staff/admin/apikeys", NewKey, token: null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Store.ListApiKeysAsync(CancellationToken.None)).Count, Is.EqualTo(before));
    }

    [Test]
    public async Task CreateApiKey_WithAnotherSessionsToken_Refused()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        var attacker = await SignInAsync(StaffRole.Administrator);
        var foreign = await attacker.AntiforgeryTokenAsync("/staff/admin/apikeys");
        var before = (await Store.ListApiKeysAsync(CancellationToken.None)).Count;
        using var response = await admin.PostFormWithTokenAsync("/staff/admin/apikeys", NewKey, foreign);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Store.ListApiKeysAsync(CancellationToken.None)).Count, Is.EqualTo(before));
    }

    [Test]
    public async Task CreateApiKey_WithOwnToken_Accepted()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        using var response = await admin.PostFormAsync("/staff/admin/apikeys", NewKey, tokenFrom: "/staff/admin/apikeys");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("data-field=\"plain-key\""));
    }

    [TestCase("disable", TestName = "FormWithoutFields_ForeignToken_Refused(disable)")]
    [TestCase("enable", TestName = "FormWithoutFields_ForeignToken_Refused(enable)")]
    public async Task FormWithoutFields_ForeignToken_Refused(string action)
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        var account = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Issuer);
        var anonymousToken = await StaffSession.Anonymous(Client).AntiforgeryTokenAsync(StaffAuthentication.SignInPath);
        using var response = await admin.PostFormWithTokenAsync($"/staff/admin/accounts/{account.Id}/{action}", [], anonymousToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Store.FindAccountAsync(account.Id, CancellationToken.None))!.Disabled, Is.False);
    }

    [Test]
    public async Task SignOut_WithoutToken_RefusedAndStillSignedIn()
    {
        var issuer = await SignInAsync(StaffRole.Issuer);
        using var response = await issuer.PostFormWithTokenAsync("/staff/signout", [], token: null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var home = await issuer.GetAsync("/staff");
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task SignIn_WithoutToken_Refused()
    {
        var account = await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Issuer);
        var session = StaffSession.Anonymous(Client);
        using var response = await session.PostFormWithTokenAsync(StaffAuthentication.SignInPath,
            [new("userName", account.UserName), new("password", StaffSession.DefaultPassword)], token: null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(session.Cookies.ContainsKey(StaffAuthentication.CookieName), Is.False);
    }
}
