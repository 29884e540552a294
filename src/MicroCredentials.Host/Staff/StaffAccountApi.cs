using MicroCredentials.Data;
using MicroCredentials.Host.Components.Staff.Account;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host.Staff;

/// <summary>
/// The staff app's front door: sign-in (local account or OpenID Connect), sign-out, the first-administrator setup link,
/// and the landing page. Every refused and every successful sign-in is written to the audit log with the person's name.
/// </summary>
internal static partial class StaffAccountApi
{
    /// <summary>Maps the sign-in pages, the setup link, sign-out and <c>/staff</c>, then the administration pages.</summary>
    public static WebApplication MapStaffApp(this WebApplication app)
    {
        // Every POST of the staff app carries the form's antiforgery token, whether or not it binds form fields.
        var staff = app.MapGroup("/staff").ExcludeFromDescription().WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(RefuseForgedPostAsync);
        staff.MapGet("/", () => new RazorComponentResult<StaffHomePage>()).RequireAuthorization(StaffPolicies.Issuer);
        staff.MapGet("/signin", SignInPage).AllowAnonymous();
        staff.MapPost("/signin", SignInAsync).AllowAnonymous();
        staff.MapGet("/signin/oidc", Challenge).AllowAnonymous();
        staff.MapGet("/signin/done", (string? returnUrl) => new RazorComponentResult<SignedInPage>(new Dictionary<string, object?>
        {
            [nameof(SignedInPage.ReturnUrl)] = LocalReturnUrl(returnUrl),
        })).AllowAnonymous();
        staff.MapPost("/signout", SignOutAsync).RequireAuthorization(StaffPolicies.Issuer);
        staff.MapGet("/setup", SetupPageAsync).AllowAnonymous();
        staff.MapPost("/setup", SetupAsync).AllowAnonymous();
        StaffPasskeys.Map(staff);
        StaffAdminApi.Map(staff.MapGroup("/admin").RequireAuthorization(StaffPolicies.Administrator));
        return app;
    }

    /// <summary>A local staff path to return to; anything else (another site, <c>//host</c>, a non-staff path) becomes <c>/staff</c>.</summary>
    public static string LocalReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2048 } url && url.StartsWith("/staff", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Contains('\\', StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : "/staff";

    /// <summary>Refuses a POST whose antiforgery token is missing, foreign or expired (400 problem details).</summary>
    public static async ValueTask<object?> RefuseForgedPostAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            return TypedResults.Problem(title: "Form refused", detail: "The form's security token is missing or not this session's: reload the page and send it again.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }

    private static RazorComponentResult<SignInPage> SignInPage(string? returnUrl, string? error, IOptions<StaffSignInOptions> options) =>
        SignInResult(options.Value, LocalReturnUrl(returnUrl), error is "oidc" or "role" ? error : null, null, StatusCodes.Status200OK);

    private static async Task<IResult> SignInAsync([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext http, UserManager<StaffUser> users, CredentialStore store, IOptions<StaffSignInOptions> options)
    {
        var target = LocalReturnUrl(returnUrl);
        var name = (userName ?? string.Empty).Trim();
        StaffUser? user = null;
        if (name.Length is 0 or > HostLimits.StaffNameMaxLength || password is not { Length: > 0 and <= HostLimits.StaffPasswordMaxLength })
        {
            return await RefusedAsync("Invalid", "malformed");
        }

        user = await users.FindByNameAsync(name);
        if (user is null || user.Disabled)
        {
            return await RefusedAsync("Invalid", user is null ? "unknown account" : "account disabled");
        }

        if (await users.IsLockedOutAsync(user))
        {
            return await RefusedAsync("Locked", "locked out");
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user)
                ? await RefusedAsync("Locked", $"wrong password; locked out after {options.Value.MaxFailedAttempts} attempts")
                : await RefusedAsync("Invalid", "wrong password");
        }

        await users.ResetAccessFailedCountAsync(user);
        await http.SignInAsync(StaffAuthentication.CookieScheme, StaffPrincipal.Local(user));
        await store.RecordAuditAsync(StaffPrincipal.Actor(user.DisplayName, user.UserName), AuditAction.SignIn, "local account as " + user.Role, CancellationToken.None);
        return Results.Redirect(target);

        async Task<IResult> RefusedAsync(string error, string why)
        {
            // Not the request's token: the audit entry is written whatever the browser does next.
            await store.RecordAuditAsync(StaffPrincipal.Actor(user?.DisplayName ?? "unknown", Bounded(name)), AuditAction.SignInFailed,
                "local account: " + why, CancellationToken.None);
            return SignInResult(options.Value, target, error, name, StatusCodes.Status401Unauthorized);
        }
    }

    private static IResult Challenge(string? returnUrl, IOptions<StaffSignInOptions> options) => options.Value.Oidc.Enabled
        ? Results.Challenge(new AuthenticationProperties { RedirectUri = "/staff/signin/done?returnUrl=" + Uri.EscapeDataString(LocalReturnUrl(returnUrl)) },
            [StaffAuthentication.OidcScheme])
        : Results.Redirect(StaffAuthentication.SignInPath);

    private static async Task<IResult> SignOutAsync(HttpContext http, CredentialStore store)
    {
        await store.RecordAuditAsync(http.User.StaffActor(), AuditAction.SignOut, null, CancellationToken.None);
        await http.SignOutAsync(StaffAuthentication.CookieScheme);
        return Results.Redirect(StaffAuthentication.SignInPath);
    }

    private static RazorComponentResult<SignInPage> SignInResult(StaffSignInOptions options, string returnUrl, string? error, string? userName, int status) =>
        new(new Dictionary<string, object?>
        {
            [nameof(Components.Staff.Account.SignInPage.Error)] = error,
            [nameof(Components.Staff.Account.SignInPage.UserName)] = userName,
            [nameof(Components.Staff.Account.SignInPage.ReturnUrl)] = returnUrl,
            [nameof(Components.Staff.Account.SignInPage.OidcName)] = options.Oidc.Enabled ? options.Oidc.DisplayName : null,
        })
        { StatusCode = status };

    private static string Bounded(string text) => text.Length <= HostLimits.StaffNameMaxLength ? text : text[..HostLimits.StaffNameMaxLength];
}
