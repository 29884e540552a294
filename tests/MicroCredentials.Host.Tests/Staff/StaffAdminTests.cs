using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MicroCredentials.Data;

namespace MicroCredentials.Host.Tests.Staff;

/// <summary>The administration pages through real HTTP: accounts and roles, API keys (shown once, working, revoked), the audit log and its CSV.</summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class StaffAdminTests(string provider) : StaffFixture(provider)
{
    [Test]
    public async Task CreateAccount_ThenItSignsInWithItsRole_AndTheCreationIsAudited()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        var name = "els-" + Guid.NewGuid().ToString("N")[..6];
        using var create = await admin.PostFormAsync("/staff/admin/accounts",
            [new("userName", name), new("displayName", "Els Wouters"), new("role", "Issuer"), new("password", "a long enough password")]);
        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(create.Headers.Location?.OriginalString, Is.EqualTo("/staff/admin/accounts?done=created"));
        using var page = await admin.GetAsync("/staff/admin/accounts?done=created");
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain($"data-account=\"{name}\"").And.Contain("Els Wouters"));

        var els = StaffSession.Anonymous(Client);
        using var signIn = await els.SignInWithPasswordAsync(name, "a long enough password");
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var adminPage = await els.GetAsync("/staff/admin");
        Assert.That(adminPage.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "an issuer");
        var audit = await Store.FilterAuditAsync(new AuditQuery { Action = AuditAction.AccountCreate, Actor = admin.UserName }, 0, 5, CancellationToken.None);
        Assert.That(audit.Single().Detail, Does.Contain(name).And.Contain("Issuer"));
    }

    [TestCase("short", "Els", "Issuer", HttpStatusCode.BadRequest, TestName = "CreateAccount_BadInput_Refused(password too short)")]
    [TestCase("a long enough password", "", "Issuer", HttpStatusCode.BadRequest, TestName = "CreateAccount_BadInput_Refused(no name)")]
    [TestCase("a long enough password", "Els", "Root", HttpStatusCode.BadRequest, TestName = "CreateAccount_BadInput_Refused(unknown role)")]
    public async Task CreateAccount_BadInput_Refused(string password, string displayName, string role, HttpStatusCode expected)
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        using var response = await admin.PostFormAsync("/staff/admin/accounts",
            [new("userName", "x" + Guid.NewGuid().ToString("N")[..6]), new("displayName", displayName), new("role", role), new("password", password)]);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("data-error=\"true\""));
    }

    [Test]
    public async Task CreateAccount_NameOnePastTheBound_Refused_AndTakenNameConflicts()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        using var tooLong = await admin.PostFormAsync("/staff/admin/accounts",
            [new("userName", new string('n', HostLimits.StaffNameMaxLength + 1)), new("displayName", "N"), new("role", "Issuer"), new("password", "a long enough password")]);
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var taken = await admin.PostFormAsync("/staff/admin/accounts",
            [new("userName", admin.UserName.ToUpperInvariant()), new("displayName", "N"), new("role", "Issuer"), new("password", "a long enough password")]);
        Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task SetRoleAndResetPassword_EndTheSession_AndTakeEffect()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        var issuer = await SignInAsync(StaffRole.Issuer);
        var account = (await Store.FindAccountByNameAsync(issuer.UserName.ToUpperInvariant(), CancellationToken.None))!;

        using var role = await admin.PostFormAsync($"/staff/admin/accounts/{account.Id}/role", [new("role", "Administrator")]);
        Assert.That(role.Headers.Location?.OriginalString, Is.EqualTo("/staff/admin/accounts?done=role"));
        using var ended = await issuer.GetAsync("/staff");
        Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a role change ends the session");

        using var reset = await admin.PostFormAsync($"/staff/admin/accounts/{account.Id}/password", [new("password", "the brand new password")]);
        Assert.That(reset.Headers.Location?.OriginalString, Is.EqualTo("/staff/admin/accounts?done=password"));
        using var old = await StaffSession.Anonymous(Client).SignInWithPasswordAsync(issuer.UserName, StaffSession.DefaultPassword);
        Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var again = StaffSession.Anonymous(Client);
        using var fresh = await again.SignInWithPasswordAsync(issuer.UserName, "the brand new password");
        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var adminPage = await again.GetAsync("/staff/admin");
        Assert.That(adminPage.StatusCode, Is.EqualTo(HttpStatusCode.OK), "now an administrator");

        var changes = await Store.FilterAuditAsync(new AuditQuery { Action = AuditAction.AccountChange, Actor = admin.UserName }, 0, 10, CancellationToken.None);
        Assert.That(changes.Select(c => c.Detail), Is.EquivalentTo(new[] { $"{issuer.UserName}: role set to Administrator", $"{issuer.UserName}: password reset" }));
    }

    [Test]
    public async Task Administrator_CannotDisableOrDemoteThemselves()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        var id = (await Store.FindAccountByNameAsync(admin.UserName.ToUpperInvariant(), CancellationToken.None))!.Id;
        using var disable = await admin.PostFormAsync($"/staff/admin/accounts/{id}/disable", []);
        Assert.That(disable.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        using var demote = await admin.PostFormAsync($"/staff/admin/accounts/{id}/role", [new("role", "Issuer")]);
        Assert.That(demote.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await Store.FindAccountAsync(id, CancellationToken.None))!.Role, Is.EqualTo(StaffRole.Administrator));
    }

    [Test]
    public async Task ApiKey_CreatedOnThePage_IsShownOnceWorksAndIsRevoked()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        using var create = await admin.PostFormAsync("/staff/admin/apikeys", [new("name", "Student administration ERP"), new("role", "Issuer")]);
        var html = await create.Content.ReadAsStringAsync();
        Assert.That(create.Headers.CacheControl?.NoStore, Is.True);
        var key = System.Text.RegularExpressions.Regex.Match(html, "data-field=\"plain-key\">(mck_[^<]+)<").Groups[1].Value;
        Assert.That(key, Does.StartWith("mck_"));
        Assert.That(await ApiStatusAsync(key), Is.EqualTo(HttpStatusCode.OK));

        using var list = await admin.GetAsync("/staff/admin/apikeys");
        var listed = await list.Content.ReadAsStringAsync();
        Assert.That(listed, Does.Contain("Student administration ERP").And.Not.Contain(key), "the key is shown once, never listed");

        var id = (await Store.ListApiKeysAsync(CancellationToken.None)).Single(k => k.Name == "Student administration ERP").Id;
        using var revoke = await admin.PostFormAsync($"/staff/admin/apikeys/{id}/revoke", []);
        Assert.That(revoke.Headers.Location?.OriginalString, Is.EqualTo("/staff/admin/apikeys?done=revoked"));
        Assert.That(await ApiStatusAsync(key), Is.EqualTo(HttpStatusCode.Unauthorized));
        var audit = await Store.FilterAuditAsync(new AuditQuery { Actor = admin.UserName }, 0, 10, CancellationToken.None);
        Assert.That(audit.Select(a => a.Action), Is.SupersetOf(new[] { AuditAction.ApiKeyCreate, AuditAction.ApiKeyRevoke }));
    }

    [Test]
    public async Task AuditLog_FiltersByWhoActionAndDate_AndExportsFormulaSafeCsvWithBom()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        await StaffSession.CreateAccountAsync(Factory.Services, StaffRole.Issuer, displayName: "=HYPERLINK(\"http://evil\")");
        var now = TimeProvider.System.GetUtcNow();
        var (yesterday, tomorrow) = (now.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            now.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        using var mine = await admin.GetAsync($"/staff/admin/audit?who={Uri.EscapeDataString(admin.UserName)}&action=SignIn&from={yesterday}&to={tomorrow}");
        var page = await mine.Content.ReadAsStringAsync();
        Assert.That(mine.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(page, "<tr data-audit=").Count, Is.EqualTo(1));
        Assert.That(page, Does.Contain(admin.DisplayName));
        using var before2020 = await admin.GetAsync($"/staff/admin/audit?who={Uri.EscapeDataString(admin.UserName)}&to=2020-01-01");
        Assert.That(await before2020.Content.ReadAsStringAsync(), Does.Contain("data-empty=\"true\""));

        using var csv = await admin.GetAsync("/staff/admin/audit.csv?action=AccountCreate");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.That(text, Does.StartWith("at;actor;action;credential;detail\n"));
        Assert.That(text, Does.Contain("AccountCreate"));
        Assert.That(text.Split('\n').Where(l => l.Contains("HYPERLINK", StringComparison.Ordinal)).Single(), Does.Contain(";\"").And.Not.Contain(";=HYPERLINK"),
            "the cell that starts with = is neutralised");
    }

    [Test]
    public async Task AuditLog_UnreadableFilters_AreIgnored()
    {
        var admin = await SignInAsync(StaffRole.Administrator);
        using var response = await admin.GetAsync("/staff/admin/audit?action=Nope&from=yesterday&page=-3&who=" + new string('w', 5000));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<HttpStatusCode> ApiStatusAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/credentials");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Client.SendAsync(request);
        return response.StatusCode;
    }
}
