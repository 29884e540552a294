using System.Net;
using System.Text.RegularExpressions;
using MicroCredentials.Data;
using MicroCredentials.Host.Staff;
using MicroCredentials.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MicroCredentials.Host.Tests.Staff;

/// <summary>
/// OpenID Connect sign-in against a real provider on loopback (<see cref="OidcTestProvider"/>): the app's real handler
/// redirects, the provider answers with a code (form_post), the app exchanges it with PKCE and its client secret, validates
/// the RS256 ID token and maps the role claim; a person with no staff role is refused. Every outcome is audited.
/// </summary>
[TestFixture("Sqlite")]
public sealed partial class StaffOidcTests(string provider)
{
    private OidcTestProvider? oidc;
    private HostFactory? factory;
    private HttpClient? client;

    internal static Dictionary<string, string?> OidcSettings(OidcTestProvider oidc) => new()
    {
        ["Staff:Oidc:Authority"] = oidc.Authority,
        ["Staff:Oidc:ClientId"] = oidc.ClientId,
        ["Staff:Oidc:ClientSecret"] = oidc.ClientSecret,
        ["Staff:Oidc:RoleClaim"] = "roles",
        ["Staff:Oidc:IssuerValues:0"] = "lifelong-learning-office",
        ["Staff:Oidc:AdministratorValues:0"] = "microcredential-admins",
        ["Staff:Oidc:DisplayName"] = "KU Test account",
        ["Staff:Oidc:RequireHttpsMetadata"] = "false",
    };

    private OidcTestProvider Oidc => oidc ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private HostFactory Factory => factory ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    [OneTimeSetUp]
    public async Task Start()
    {
        oidc = await OidcTestProvider.StartAsync();
        factory = await HostFactory.CreateAsync(provider, extra: OidcSettings(oidc));
        client = factory.Client();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await Factory.DisposeAndAssertNo5xxAsync();
        await Oidc.DisposeAsync();
    }

    [Test]
    public async Task OidcAdministrator_SignsInThroughTheProvider_AndGetsTheAdministratorRole()
    {
        Oidc.NextUser = new("sub-admin-1", "Sofie Janssens", "sofie@uni.example", ["staff", "microcredential-admins"]);
        var session = await SignInThroughProviderAsync("/staff/admin/apikeys");

        using var page = await session.GetAsync("/staff/admin/apikeys");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("Sofie Janssens"));
        var store = Factory.Services.GetRequiredService<CredentialStore>();
        var audit = await store.FilterAuditAsync(new AuditQuery { Actor = "sofie@uni.example", Action = AuditAction.SignIn }, 0, 5, CancellationToken.None);
        Assert.That(audit.Single().Actor, Is.EqualTo("Sofie Janssens (sofie@uni.example)"));
        Assert.That(audit.Single().Detail, Is.EqualTo("OpenID Connect as Administrator"));
    }

    [Test]
    public async Task OidcIssuer_GetsTheIssuerRole_And403OnAdministration()
    {
        Oidc.NextUser = new("sub-issuer-1", "Pieter Maes", "pieter@uni.example", ["lifelong-learning-office"]);
        var session = await SignInThroughProviderAsync("/staff");
        using var home = await session.GetAsync("/staff");
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var admin = await session.GetAsync("/staff/admin");
        Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task OidcPersonWithoutStaffRole_Refused_AndAudited()
    {
        Oidc.NextUser = new("sub-student-1", "Lotte Student", "lotte@uni.example", ["students"]);
        var session = StaffSession.Anonymous(Client);
        using var callback = await ProviderRoundTripAsync(session, "/staff");
        Assert.That(callback.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(callback.Headers.Location?.OriginalString, Is.EqualTo("/staff/signin?error=role"));
        Assert.That(session.Cookies.ContainsKey(StaffAuthentication.CookieName), Is.False);
        var store = Factory.Services.GetRequiredService<CredentialStore>();
        var audit = await store.FilterAuditAsync(new AuditQuery { Actor = "lotte@uni.example" }, 0, 5, CancellationToken.None);
        Assert.That(audit.Single().Action, Is.EqualTo(AuditAction.SignInFailed));
        using var page = await session.GetAsync("/staff/signin?error=role");
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("data-error=\"role\""));
    }

    [Test]
    public async Task Callback_WithAForgedCode_Refused()
    {
        var session = StaffSession.Anonymous(Client);
        using var challenge = await session.GetAsync("/staff/signin/oidc");
        var state = Regex.Match(challenge.Headers.Location!.Query, "[?&]state=([^&]+)").Groups[1].Value;
        var before = Oidc.TokenRequestsRefused;
        using var callback = await session.PostFormWithTokenAsync(StaffAuthentication.OidcCallbackPath,
            [new("code", "forged-code"), new("state", Uri.UnescapeDataString(state))], token: null);
        Assert.That(callback.Headers.Location?.OriginalString, Is.EqualTo("/staff/signin?error=oidc"));
        Assert.That(Oidc.TokenRequestsRefused, Is.EqualTo(before + 1), "the provider refused the code exchange");
        Assert.That(session.Cookies.ContainsKey(StaffAuthentication.CookieName), Is.False);
    }

    [Test]
    public async Task AccountsPage_ShowsTheRoleMappingReadOnly_AndTheSignInPageOffersTheProvider()
    {
        var admin = await StaffSession.SignInAsync(Client, Factory.Services, StaffRole.Administrator);
        using var accounts = await admin.GetAsync("/staff/admin/accounts");
        var html = await accounts.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("data-section=\"oidc\"").And.Contain("microcredential-admins").And.Contain("lifelong-learning-office").And.Contain(Oidc.Authority));
        using var signIn = await StaffSession.Anonymous(Client).GetAsync("/staff/signin");
        Assert.That(await signIn.Content.ReadAsStringAsync(), Does.Contain("data-action=\"oidc\"").And.Contain("KU Test account"));
    }

    private HttpClient Client => client ?? throw new InvalidOperationException("OneTimeSetUp did not run.");

    private async Task<StaffSession> SignInThroughProviderAsync(string returnUrl)
    {
        var session = StaffSession.Anonymous(Client);
        using var callback = await ProviderRoundTripAsync(session, returnUrl);
        Assert.That(callback.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await callback.Content.ReadAsStringAsync());
        Assert.That(callback.Headers.Location?.OriginalString, Is.EqualTo("/staff/signin/done?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        Assert.That(session.Cookies.ContainsKey(StaffAuthentication.CookieName));
        using var done = await session.GetAsync(callback.Headers.Location!.OriginalString);
        Assert.That(await done.Content.ReadAsStringAsync(), Does.Contain($"content=\"0;url={returnUrl}\""));
        return session;
    }

    // The browser's part: follow the app's redirect to the provider, then post the provider's form_post answer back.
    private static async Task<HttpResponseMessage> ProviderRoundTripAsync(StaffSession session, string returnUrl)
    {
        using var challenge = await session.GetAsync("/staff/signin/oidc?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.That(challenge.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var authorize = challenge.Headers.Location!;
        Assert.That(authorize.Query, Does.Contain("code_challenge_method=S256").And.Contain("response_type=code"));
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var html = await browser.GetStringAsync(authorize);
        var fields = FormFields().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var action = new Uri(WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value));
        Assert.That(action.AbsolutePath, Is.EqualTo(StaffAuthentication.OidcCallbackPath));
        return await session.PostFormWithTokenAsync(action.PathAndQuery, fields, token: null);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">")]
    private static partial Regex FormFields();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\">")]
    private static partial Regex FormAction();
}
