using System.Net;
using System.Text.RegularExpressions;
using MicroCredentials.Data;
using MicroCredentials.Host.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MicroCredentials.Host.Tests.Staff;

/// <summary>
/// A signed-in staff member for tests: creates a local account with a role (through the host's own Identity hasher and
/// store), signs in through the real sign-in form, and then sends requests with the session cookie and a fresh antiforgery
/// token. The cookies are kept here (not in a CookieContainer) because the session cookie is <c>Secure</c> and the test
/// server speaks http. <see cref="SignInAsync(IPage, Uri, string, string)"/> signs a Playwright page in the same way.
/// </summary>
internal sealed partial class StaffSession
{
    /// <summary>A password every test account gets (long enough for the rules).</summary>
    public const string DefaultPassword = "correct horse battery staple";

    private readonly HttpClient client;
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    private StaffSession(HttpClient client, string userName, string displayName, StaffRole role)
    {
        this.client = client;
        UserName = userName;
        DisplayName = displayName;
        Role = role;
    }

    public string UserName { get; }

    public string DisplayName { get; }

    public StaffRole Role { get; }

    /// <summary>The cookies this session holds (name → value).</summary>
    public IReadOnlyDictionary<string, string> Cookies => cookies;

    /// <summary>An anonymous session (no account): for sign-in and setup-link tests.</summary>
    public static StaffSession Anonymous(HttpClient client) => new(client, string.Empty, string.Empty, StaffRole.Issuer);

    /// <summary>Creates a local account directly in the host's store, with Identity's password hash.</summary>
    public static async Task<StaffAccount> CreateAccountAsync(IServiceProvider services, StaffRole role, string? userName = null,
        string password = DefaultPassword, string? displayName = null)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var store = scope.ServiceProvider.GetRequiredService<CredentialStore>();
        var name = userName ?? $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        var user = new StaffUser
        {
            UserName = name, NormalizedName = users.NormalizeName(name), DisplayName = displayName ?? $"Test {role} {name[^4..]}", Role = role,
            SecurityStamp = StaffAccountRules.NewStamp(),
        };
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        var (outcome, account) = await store.CreateAccountAsync(user.ToAccount(), "tests", CancellationToken.None);
        Assert.That(outcome, Is.EqualTo(AccountSaveOutcome.Saved));
        return account!;
    }

    /// <summary>Creates an account with <paramref name="role"/> and signs it in through the sign-in form.</summary>
    public static async Task<StaffSession> SignInAsync(HttpClient client, IServiceProvider services, StaffRole role)
    {
        var account = await CreateAccountAsync(services, role);
        var session = new StaffSession(client, account.UserName, account.DisplayName, role);
        using var response = await session.SignInWithPasswordAsync(account.UserName, DefaultPassword);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(session.cookies.ContainsKey(StaffAuthentication.CookieName), "the sign-in set the session cookie");
        return session;
    }

    /// <summary>Posts the sign-in form (with the form's own antiforgery token) as a browser would.</summary>
    public async Task<HttpResponseMessage> SignInWithPasswordAsync(string userName, string password, string returnUrl = "/staff") =>
        await PostFormAsync("/staff/signin", [new("userName", userName), new("password", password), new("returnUrl", returnUrl)], tokenFrom: "/staff/signin");

    /// <summary>GET with this session's cookies.</summary>
    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return await SendAsync(request);
    }

    /// <summary>POSTs a form with a fresh antiforgery token taken from the page at <paramref name="tokenFrom"/> (default <c>/staff</c>).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string tokenFrom = "/staff")
    {
        var token = await AntiforgeryTokenAsync(tokenFrom);
        return await PostFormWithTokenAsync(path, fields, token);
    }

    /// <summary>POSTs a form with the given token (or none): for CSRF tests.</summary>
    public async Task<HttpResponseMessage> PostFormWithTokenAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        var all = fields.ToList();
        if (token is not null)
        {
            all.Add(new("__RequestVerificationToken", token));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(all) };
        request.Headers.Accept.ParseAdd("text/html");
        return await SendAsync(request);
    }

    /// <summary>POSTs a multipart form (file uploads) with a fresh antiforgery token taken from the page at <paramref name="tokenFrom"/>.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string path, MultipartFormDataContent content, string tokenFrom)
    {
        content.Add(new StringContent(await AntiforgeryTokenAsync(tokenFrom)), "__RequestVerificationToken");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Accept.ParseAdd("text/html");
        return await SendAsync(request);
    }

    /// <summary>The antiforgery token of the first form on a page of this session.</summary>
    public async Task<string> AntiforgeryTokenAsync(string path)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        return TokenOf(html) ?? throw new AssertionException($"{path} ({(int)response.StatusCode}) has no antiforgery token: {html[..Math.Min(html.Length, 400)]}");
    }

    /// <summary>The antiforgery token in a page's HTML, or null.</summary>
    public static string? TokenOf(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>Signs a Playwright page in through the sign-in form and waits for the staff home page.</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, string userName, string password = DefaultPassword)
    {
        await page.GotoAsync(new Uri(baseAddress, "/staff/signin?lang=en").ToString());
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form[data-form=signin] button[type=submit]"),
            r => r.Url.Contains("/staff/signin", StringComparison.Ordinal) && r.Request.Method == "POST", new() { Timeout = 60_000 });
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/staff", new() { Timeout = 60_000 });
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var line in setCookies)
            {
                var pair = line.Split(';')[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
                if (value.Length == 0 || line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    cookies.Remove(name);
                }
                else
                {
                    cookies[name] = value;
                }
            }
        }

        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
