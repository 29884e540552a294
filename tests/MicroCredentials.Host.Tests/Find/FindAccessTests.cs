using System.Net;
using MicroCredentials.Data;
using MicroCredentials.Host.Staff;
using MicroCredentials.Host.Tests.Staff;

namespace MicroCredentials.Host.Tests.Find;

/// <summary>
/// Every find page and action through real HTTP: the anonymous are sent to sign in, an issuer may search and read but
/// gets 403 from every action, an administrator's action needs this session's antiforgery token.
/// </summary>
[TestFixture("Sqlite")]
public sealed class FindAccessTests(string provider) : FindFixture(provider)
{
    private static readonly string[] Actions = ["revoke", "suspend", "unsuspend", "reissue"];

    private static readonly KeyValuePair<string, string>[] RevokeNow = [new("reason", "access test"), new("confirm", "yes")];

    private IEnumerable<string> Pages() =>
        ["/staff/credentials", "/staff/credentials?q=jan", $"/staff/credentials/{Jan.Credential!.Handle}", $"/staff/credentials/{Jan.Credential.Handle}/learner"];

    private IEnumerable<string> ActionPaths() => Actions.Select(a => $"/staff/credentials/{Jan.Credential!.Handle}/{a}");

    [Test]
    public async Task EveryPageAndAction_Anonymous_RedirectedToSignIn()
    {
        var anonymous = StaffSession.Anonymous(Client);
        var token = await anonymous.AntiforgeryTokenAsync(StaffAuthentication.SignInPath);
        foreach (var path in Pages().Concat(ActionPaths()))
        {
            using var get = await anonymous.GetAsync(path);
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "GET " + path);
            Assert.That(get.Headers.Location?.AbsolutePath, Is.EqualTo(StaffAuthentication.SignInPath), "GET " + path);
        }

        foreach (var path in ActionPaths())
        {
            using var post = await anonymous.PostFormWithTokenAsync(path, RevokeNow, token);
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "POST " + path);
            Assert.That(post.Headers.Location?.AbsolutePath, Is.EqualTo(StaffAuthentication.SignInPath), "POST " + path);
        }

        Assert.That((await Store.FindByIdAsync(Jan.Credential!.Id, CancellationToken.None))!.State, Is.EqualTo(CredentialState.Valid));
    }

    [Test]
    public async Task Pages_Issuer_MayReadButEveryAction403()
    {
        var issuer = await SignInAsync(StaffRole.Issuer);
        foreach (var path in Pages())
        {
            using var page = await issuer.GetAsync(path);
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        }

        foreach (var path in ActionPaths())
        {
            using var get = await issuer.GetAsync(path);
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "GET " + path);
            using var post = await issuer.PostFormAsync(path, RevokeNow);
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "POST " + path);
        }

        using var credential = await issuer.GetAsync($"/staff/credentials/{Jan.Credential!.Handle}");
        Assert.That(await credential.Content.ReadAsStringAsync(), Does.Not.Contain("data-action=\"revoke\""), "an issuer is offered no action");
        Assert.That((await Store.FindByIdAsync(Jan.Credential.Id, CancellationToken.None))!.State, Is.EqualTo(CredentialState.Valid));
    }

    [Test]
    public async Task Revoke_WithoutToken_RefusedAndNotRevoked()
    {
        var (fresh, _) = await IssueFreshAsync("Csrf Zonder Token");
        var admin = await SignInAsync(StaffRole.Administrator);

        using var response = await admin.PostFormWithTokenAsync($"/staff/credentials/{fresh.Credential!.Handle}/revoke", RevokeNow, token: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Store.FindByIdAsync(fresh.Credential.Id, CancellationToken.None))!.IsRevoked, Is.False);
    }

    [Test]
    public async Task Revoke_WithAnotherSessionsToken_RefusedAndNotRevoked()
    {
        var (fresh, _) = await IssueFreshAsync("Csrf Vreemd Token");
        var admin = await SignInAsync(StaffRole.Administrator);
        var attacker = await SignInAsync(StaffRole.Administrator);
        var foreign = await attacker.AntiforgeryTokenAsync("/staff");

        using var response = await admin.PostFormWithTokenAsync($"/staff/credentials/{fresh.Credential!.Handle}/revoke", RevokeNow, foreign);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Store.FindByIdAsync(fresh.Credential.Id, CancellationToken.None))!.IsRevoked, Is.False);
    }

    [TestCase("suspend", TestName = "Suspend_WithoutToken_Refused")]
    [TestCase("reissue", TestName = "Reissue_WithoutToken_Refused")]
    public async Task OtherActions_WithoutToken_Refused(string action)
    {
        var (fresh, email) = await IssueFreshAsync("Csrf Andere Actie");
        var admin = await SignInAsync(StaffRole.Administrator);

        using var response = await admin.PostFormWithTokenAsync($"/staff/credentials/{fresh.Credential!.Handle}/{action}",
            [new("reason", "csrf"), new("confirm", "yes"), new("email", email), new("name", "Csrf Andere Actie"), new("grade", "15")], token: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Store.FindByIdAsync(fresh.Credential.Id, CancellationToken.None))!.State, Is.EqualTo(CredentialState.Valid));
    }

    [Test]
    public async Task Revoke_OwnToken_FirstConfirmsThenRevokesWithTheAdministratorsName()
    {
        var (fresh, _) = await IssueFreshAsync("Bevestig Eerst");
        var admin = await SignInAsync(StaffRole.Administrator);
        var path = $"/staff/credentials/{fresh.Credential!.Handle}/revoke";

        using var confirm = await admin.PostFormAsync(path, [new("reason", "diploma fraud")], tokenFrom: path);
        var html = await confirm.Content.ReadAsStringAsync();
        Assert.That(confirm.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("data-step=\"confirm\"").And.Contain("Bevestig Eerst").And.Contain(fresh.Credential.ShortCode));
        Assert.That((await Store.FindByIdAsync(fresh.Credential.Id, CancellationToken.None))!.IsRevoked, Is.False, "the first step changes nothing");

        using var done = await admin.PostFormAsync(path, [new("reason", "diploma fraud"), new("confirm", "yes")], tokenFrom: path);
        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(done.Headers.Location?.OriginalString, Is.EqualTo($"/staff/credentials/{fresh.Credential.Handle}?done=revoke"));
        var stored = await Store.FindByIdAsync(fresh.Credential.Id, CancellationToken.None);
        Assert.That(stored!.State, Is.EqualTo(CredentialState.Revoked));
        var audit = (await Store.QueryAuditAsync(fresh.Credential.Id, 0, 10, CancellationToken.None)).Single(e => e.Action == AuditAction.Revoke);
        Assert.That(audit.Actor, Is.EqualTo($"{admin.DisplayName} ({admin.UserName})"));
        Assert.That(audit.Detail, Is.EqualTo("diploma fraud"));
    }

    [Test]
    public async Task Suspend_NoReason_400AndReasonOnePastTheBound_400()
    {
        var (fresh, _) = await IssueFreshAsync("Reden Nodig");
        var admin = await SignInAsync(StaffRole.Administrator);
        var path = $"/staff/credentials/{fresh.Credential!.Handle}/suspend";

        using var none = await admin.PostFormAsync(path, [new("reason", "  "), new("confirm", "yes")], tokenFrom: path);
        using var tooLong = await admin.PostFormAsync(path, [new("reason", new string('r', HostLimits.FindReasonMaxLength + 1)), new("confirm", "yes")], tokenFrom: path);
        using var atBound = await admin.PostFormAsync(path, [new("reason", new string('r', HostLimits.FindReasonMaxLength))], tokenFrom: path);

        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await none.Content.ReadAsStringAsync(), Does.Contain("data-error=\"true\""));
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(atBound.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the bound itself is accepted (confirmation step)");
        Assert.That((await Store.FindByIdAsync(fresh.Credential.Id, CancellationToken.None))!.IsSuspended, Is.False);
    }

    [Test]
    public async Task SuspendThenUnsuspend_ThroughTheConfirmation_BackToValid()
    {
        var (fresh, _) = await IssueFreshAsync("Even Geschorst");
        var admin = await SignInAsync(StaffRole.Administrator);
        var handle = fresh.Credential!.Handle;

        using var suspend = await admin.PostFormAsync($"/staff/credentials/{handle}/suspend", [new("reason", "appeal pending"), new("confirm", "yes")]);
        Assert.That((await Store.FindByIdAsync(fresh.Credential.Id, CancellationToken.None))!.State, Is.EqualTo(CredentialState.Suspended));
        using var again = await admin.GetAsync($"/staff/credentials/{handle}/suspend");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a suspended credential cannot be suspended again");
        using var lift = await admin.PostFormAsync($"/staff/credentials/{handle}/unsuspend", [new("reason", "appeal granted"), new("confirm", "yes")]);

        Assert.That(lift.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await Store.FindByIdAsync(fresh.Credential.Id, CancellationToken.None))!.State, Is.EqualTo(CredentialState.Valid));
        using var page = await admin.GetAsync($"/staff/credentials/{handle}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("data-history=\"Suspend\"").And.Contain("data-history=\"Unsuspend\"").And.Contain("appeal granted"));
    }

    [Test]
    public async Task Reissue_WrongEmail_RefusedAndRightEmail_SupersedesWithNewLinks()
    {
        var (fresh, email) = await IssueFreshAsync("Pieter Jansens", grade: "12");
        var admin = await SignInAsync(StaffRole.Administrator);
        var path = $"/staff/credentials/{fresh.Credential!.Handle}/reissue";
        KeyValuePair<string, string>[] Fields(string mail) => [new("email", mail), new("name", "Pieter Janssens"), new("grade", "12"), new("reason", "typo in the name")];

        using var wrong = await admin.PostFormAsync(path, Fields("someone.else@example.be"), tokenFrom: path);
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var confirm = await admin.PostFormAsync(path, Fields(email.ToUpperInvariant()), tokenFrom: path);
        Assert.That(confirm.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await confirm.Content.ReadAsStringAsync(), Does.Contain("Pieter Jansens → Pieter Janssens"));
        using var done = await admin.PostFormAsync(path, [.. Fields(email), new("confirm", "yes")], tokenFrom: path);

        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var old = await Store.FindByIdAsync(fresh.Credential.Id, CancellationToken.None);
        Assert.That(old!.State, Is.EqualTo(CredentialState.Superseded));
        var corrected = await Store.FindByIdAsync(old.SupersededBy!, CancellationToken.None);
        Assert.That(corrected!.LearnerName, Is.EqualTo("Pieter Janssens"));
        Assert.That(corrected.Handle, Is.Not.EqualTo(old.Handle));
        Assert.That(done.Headers.Location?.OriginalString, Is.EqualTo($"/staff/credentials/{corrected.Handle}?done=reissue"));
    }

    [TestCase("/staff/credentials?page=99999999&from=2026-13-45&to=x&state=zzz&code=%00", HttpStatusCode.OK, TestName = "Search_UnreadableFilters_Ignored")]
    [TestCase("/staff/credentials?page=10001", HttpStatusCode.OK, TestName = "Search_OnePastThePageBound_FirstPage")]
    [TestCase("/staff/credentials/nope", HttpStatusCode.NotFound, TestName = "Credential_UnknownHandle_404")]
    [TestCase("/staff/credentials/nope/learner", HttpStatusCode.NotFound, TestName = "Learner_UnknownHandle_404")]
    public async Task BadInput_AnsweredWithAPage(string path, HttpStatusCode expected)
    {
        var issuer = await SignInAsync(StaffRole.Issuer);

        using var response = await issuer.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    [Test]
    public async Task Credential_HandleOnePastTheBound_404()
    {
        var issuer = await SignInAsync(StaffRole.Issuer);

        using var response = await issuer.GetAsync("/staff/credentials/" + new string('h', HostLimits.FindHandleMaxLength + 1));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Search_TextFarPastTheBound_AnswersAndFindsByTheBoundedText()
    {
        var issuer = await SignInAsync(StaffRole.Issuer);

        using var response = await issuer.GetAsync("/staff/credentials?q=" + "jan" + new string(' ', 10_000) + "x");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Jan De Vos"));
    }

    [Test]
    public async Task Search_ByNameAndByEmail_FindsJanDeVos()
    {
        var issuer = await SignInAsync(StaffRole.Issuer);

        using var byName = await issuer.GetAsync("/staff/credentials?q=de+vos");
        using var byEmail = await issuer.GetAsync("/staff/credentials?q=JAN.DEVOS%40example.be");

        foreach (var response in new[] { byName, byEmail })
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.That(html, Does.Contain($"data-credential=\"{Jan.Credential!.Handle}\"").And.Contain("data-total=\"1\""));
        }
    }
}
