using MicroCredentials.Data;
using MicroCredentials.Host.Components.Staff.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host.Staff;

internal static partial class StaffAuthentication
{
    private const string OidcAuditedItem = "microcred.oidc-audited";

    // A local session ends as soon as its account is disabled, or its password or role changes (the stamp changes).
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.LocalAccountId() is not { } id)
        {
            return;
        }

        var store = context.HttpContext.RequestServices.GetRequiredService<CredentialStore>();
        var account = await store.FindAccountAsync(id, context.HttpContext.RequestAborted);
        if (account is null || account.Disabled || account.SecurityStamp != context.Principal.FindFirst(StaffPrincipal.StampClaim)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }

    // The wrong role gets a page that says so, with status 403 (not a redirect to a page that answers 200).
    private static Task DenyAsync(RedirectContext<CookieAuthenticationOptions> context) =>
        new RazorComponentResult<DeniedPage> { StatusCode = StatusCodes.Status403Forbidden }.ExecuteAsync(context.HttpContext);

    // The provider vouched for the person: map its role claim onto ours, or refuse a person with no staff role.
    private static async Task OidcTokenValidatedAsync(TokenValidatedContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<StaffSignInOptions>>().Value.Oidc;
        var store = context.HttpContext.RequestServices.GetRequiredService<CredentialStore>();
        var claims = context.Principal!;
        var subject = claims.FindFirst("sub")?.Value ?? string.Empty;
        var login = claims.FindFirst("preferred_username")?.Value ?? claims.FindFirst("email")?.Value ?? subject;
        var name = claims.FindFirst("name")?.Value ?? login;
        var values = claims.FindAll(options.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        StaffRole? role = options.AdministratorValues.Any(values.Contains) ? StaffRole.Administrator
            : options.IssuerValues.Any(values.Contains) ? StaffRole.Issuer
            : null;
        var actor = StaffPrincipal.Actor(Bounded(name), Bounded(login));
        context.HttpContext.Items[OidcAuditedItem] = true;
        if (role is null || subject.Length == 0)
        {
            await store.RecordAuditAsync(actor, AuditAction.SignInFailed, $"OpenID Connect: no staff role in claim '{options.RoleClaim}'", CancellationToken.None);
            context.Fail("no-role");
            return;
        }

        context.Principal = StaffPrincipal.Oidc(Bounded(name), Bounded(login), subject, role.Value);
        await store.RecordAuditAsync(actor, AuditAction.SignIn, $"OpenID Connect as {role}", CancellationToken.None);
    }

    private static async Task OidcFailedAsync(RemoteFailureContext context)
    {
        var reason = context.Failure?.Message == "no-role" ? "role" : "oidc";
        if (!context.HttpContext.Items.ContainsKey(OidcAuditedItem))
        {
            var store = context.HttpContext.RequestServices.GetRequiredService<CredentialStore>();
            await store.RecordAuditAsync("unknown (OpenID Connect)", AuditAction.SignInFailed,
                "OpenID Connect: " + Bounded(context.Failure?.Message ?? "failed"), CancellationToken.None);
        }

        context.Response.Redirect(SignInPath + "?error=" + reason);
        context.HandleResponse();
    }

    private static string Bounded(string text) => text.Length <= HostLimits.StaffNameMaxLength ? text : text[..HostLimits.StaffNameMaxLength];
}
