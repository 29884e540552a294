using System.Buffers.Text;
using MicroCredentials.Data;
using MicroCredentials.Host.Components.Staff.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host.Staff;

/// <summary>
/// Passkeys (WebAuthn) for local staff accounts, on .NET 10 Identity's passkey handler: a signed-in person registers
/// passkeys on <c>/staff/account</c> and then signs in with one instead of the password. Each ceremony is two requests —
/// the options (a fresh challenge) and the authenticator's answer — with the handler's state in between kept in a
/// short-lived, encrypted, <c>/staff</c>-only cookie. The relying party is the configured public address (its host is
/// the RP id, its origin the only accepted origin), so a passkey keeps working behind a reverse proxy.
/// </summary>
internal static class StaffPasskeys
{
    /// <summary>The cookie that carries a ceremony's state between its two requests.</summary>
    public const string StateCookie = "microcred-passkey";

    private const string Purpose = "MicroCredentials.Staff.PasskeyCeremony";

    /// <summary>Registers the passkey handler, with the relying party taken from <c>Issuer:PublicBaseUrl</c>.</summary>
    public static IServiceCollection AddStaffPasskeys(this IServiceCollection services)
    {
        services.AddScoped<IPasskeyHandler<StaffUser>, PasskeyHandler<StaffUser>>();
        services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<IssuerOptions>>((o, issuer) =>
        {
            var publicUrl = issuer.Value.PublicBaseUrl;
            var origin = publicUrl.GetLeftPart(UriPartial.Authority);
            o.ServerDomain = publicUrl.Host;
            o.ResidentKeyRequirement = "required";
            o.UserVerificationRequirement = "preferred";
            o.AuthenticatorTimeout = HostLimits.PasskeyCeremonyTimeout;
            o.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin && string.Equals(context.Origin, origin, StringComparison.OrdinalIgnoreCase));
        });
        return services;
    }

    /// <summary>Maps the account page, passkey registration and removal, and passkey sign-in under <paramref name="staff"/>.</summary>
    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapPost("/signin/passkey/options", SignInOptionsAsync).AllowAnonymous();
        staff.MapPost("/signin/passkey", SignInAsync).AllowAnonymous();
        staff.MapGet("/account", AccountPageAsync).RequireAuthorization(StaffPolicies.Issuer);
        staff.MapPost("/account/passkeys/options", RegistrationOptionsAsync).RequireAuthorization(StaffPolicies.Issuer);
        staff.MapPost("/account/passkeys", RegisterAsync).RequireAuthorization(StaffPolicies.Issuer);
        staff.MapPost("/account/passkeys/remove", RemoveAsync).RequireAuthorization(StaffPolicies.Issuer);
    }

    private static async Task<IResult> SignInOptionsAsync(HttpContext http, IPasskeyHandler<StaffUser> passkeys, IDataProtectionProvider protection)
    {
        // No user: the browser offers the passkeys it holds for this site (discoverable credentials), so the page never
        // tells anyone which accounts have passkeys.
        var options = await passkeys.MakeRequestOptionsAsync(null, http);
        KeepState(http, protection, options.AssertionState);
        return Results.Content(options.RequestOptionsJson, "application/json");
    }

    private static async Task<IResult> SignInAsync([FromForm] string? credential, [FromForm] string? returnUrl, HttpContext http,
        IPasskeyHandler<StaffUser> passkeys, UserManager<StaffUser> users, CredentialStore store, IDataProtectionProvider protection,
        IOptions<StaffSignInOptions> options, TimeProvider time)
    {
        var target = StaffAccountApi.LocalReturnUrl(returnUrl);
        var state = TakeState(http, protection);
        if (credential is not { Length: > 0 and <= HostLimits.PasskeyCredentialJsonMaxChars } || state is null)
        {
            return await RefusedAsync(null, state is null ? "passkey: the sign-in took too long or was not started here" : "passkey: malformed answer");
        }

        var result = await passkeys.PerformAssertionAsync(new PasskeyAssertionContext { HttpContext = http, CredentialJson = credential, AssertionState = state });
        if (!result.Succeeded)
        {
            return await RefusedAsync(null, "passkey: " + Bounded(result.Failure?.Message));
        }

        var user = result.User;
        if (user.Disabled)
        {
            return await RefusedAsync(user, "passkey: account disabled");
        }

        if (await users.IsLockedOutAsync(user))
        {
            return await RefusedAsync(user, "passkey: locked out");
        }

        await store.SavePasskeyAsync(StaffUserStore.ToStored(user.Id, result.Passkey, time.GetUtcNow()), actor: null, CancellationToken.None);
        await users.ResetAccessFailedCountAsync(user);
        await http.SignInAsync(StaffAuthentication.CookieScheme, StaffPrincipal.Local(user));
        await store.RecordAuditAsync(StaffPrincipal.Actor(user.DisplayName, user.UserName), AuditAction.SignIn, "passkey as " + user.Role, CancellationToken.None);
        return Results.Redirect(target);

        async Task<IResult> RefusedAsync(StaffUser? who, string why)
        {
            await store.RecordAuditAsync(who is null ? "unknown (passkey)" : StaffPrincipal.Actor(who.DisplayName, who.UserName), AuditAction.SignInFailed,
                why, CancellationToken.None);
            return new RazorComponentResult<SignInPage>(new Dictionary<string, object?>
            {
                [nameof(SignInPage.Error)] = "Passkey",
                [nameof(SignInPage.ReturnUrl)] = target,
                [nameof(SignInPage.OidcName)] = options.Value.Oidc.Enabled ? options.Value.Oidc.DisplayName : null,
            })
            { StatusCode = StatusCodes.Status401Unauthorized };
        }
    }

    private static async Task<IResult> AccountPageAsync(string? done, HttpContext http, CredentialStore store) =>
        await AccountResultAsync(http, store, done is "added" or "removed" ? done : null, null, StatusCodes.Status200OK);

    private static async Task<IResult> RegistrationOptionsAsync(HttpContext http, IPasskeyHandler<StaffUser> passkeys, UserManager<StaffUser> users,
        CredentialStore store, IDataProtectionProvider protection)
    {
        if (await LocalUserAsync(http, users) is not { } user)
        {
            return NotLocal();
        }

        if ((await store.ListPasskeysAsync(user.Id, CancellationToken.None)).Count >= HostLimits.PasskeysPerAccount)
        {
            return TypedResults.Problem(title: "Too many passkeys", statusCode: StatusCodes.Status400BadRequest,
                detail: $"An account has at most {HostLimits.PasskeysPerAccount} passkeys: remove one first.");
        }

        var options = await passkeys.MakeCreationOptionsAsync(new PasskeyUserEntity { Id = user.IdText, Name = user.UserName, DisplayName = user.DisplayName }, http);
        KeepState(http, protection, options.AttestationState);
        return Results.Content(options.CreationOptionsJson, "application/json");
    }

    private static async Task<IResult> RegisterAsync([FromForm] string? name, [FromForm] string? credential, HttpContext http,
        IPasskeyHandler<StaffUser> passkeys, UserManager<StaffUser> users, CredentialStore store, IDataProtectionProvider protection)
    {
        if (await LocalUserAsync(http, users) is not { } user)
        {
            return NotLocal();
        }

        var state = TakeState(http, protection);
        var label = (name ?? string.Empty).Trim();
        if (label.Length is 0 or > HostLimits.PasskeyNameMaxLength)
        {
            return await AccountResultAsync(http, store, null, "Name", StatusCodes.Status400BadRequest);
        }

        if (credential is not { Length: > 0 and <= HostLimits.PasskeyCredentialJsonMaxChars } || state is null)
        {
            return await AccountResultAsync(http, store, null, "Failed", StatusCodes.Status400BadRequest);
        }

        var result = await passkeys.PerformAttestationAsync(new PasskeyAttestationContext { HttpContext = http, CredentialJson = credential, AttestationState = state });
        if (!result.Succeeded || result.UserEntity.Id != user.IdText
            || (await store.ListPasskeysAsync(user.Id, CancellationToken.None)).Count >= HostLimits.PasskeysPerAccount)
        {
            return await AccountResultAsync(http, store, null, "Failed", StatusCodes.Status400BadRequest);
        }

        result.Passkey.Name = label;
        if (!await store.SavePasskeyAsync(StaffUserStore.ToStored(user.Id, result.Passkey), http.User.StaffActor(), CancellationToken.None))
        {
            return await AccountResultAsync(http, store, null, "Failed", StatusCodes.Status400BadRequest);
        }

        return Results.Redirect("/staff/account?done=added");
    }

    private static async Task<IResult> RemoveAsync([FromForm] string? id, HttpContext http, UserManager<StaffUser> users, CredentialStore store)
    {
        if (await LocalUserAsync(http, users) is not { } user)
        {
            return NotLocal();
        }

        if (id is not { Length: > 0 and <= 2 * 1024 } || !TryBase64Url(id, out var credentialId)
            || !await store.RemovePasskeyAsync(user.Id, credentialId, http.User.StaffActor(), CancellationToken.None))
        {
            return await AccountResultAsync(http, store, null, "NotFound", StatusCodes.Status404NotFound);
        }

        return Results.Redirect("/staff/account?done=removed");
    }

    private static async Task<IResult> AccountResultAsync(HttpContext http, CredentialStore store, string? done, string? error, int status)
    {
        var id = http.User.LocalAccountId();
        var list = id is { } accountId ? await store.ListPasskeysAsync(accountId, CancellationToken.None) : [];
        return new RazorComponentResult<AccountPage>(new Dictionary<string, object?>
        {
            [nameof(AccountPage.IsLocal)] = id is not null,
            [nameof(AccountPage.Passkeys)] = list,
            [nameof(AccountPage.Done)] = done,
            [nameof(AccountPage.Error)] = error,
        })
        { StatusCode = status };
    }

    // A person signed in through OpenID Connect has no local account here: their university's provider holds their keys.
    private static IResult NotLocal() => TypedResults.Problem(title: "No local account", statusCode: StatusCodes.Status400BadRequest,
        detail: "Passkeys belong to local accounts; you signed in through your institution's sign-in service.");

    private static async Task<StaffUser?> LocalUserAsync(HttpContext http, UserManager<StaffUser> users) =>
        http.User.LocalAccountId() is { } id && await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { Disabled: false } user
            ? user
            : null;

    private static void KeepState(HttpContext http, IDataProtectionProvider protection, string? state) =>
        http.Response.Cookies.Append(StateCookie, protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Protect(state ?? string.Empty, HostLimits.PasskeyCeremonyTimeout),
            new CookieOptions
            {
                Path = "/staff", HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, IsEssential = true, MaxAge = HostLimits.PasskeyCeremonyTimeout,
            });

    // The state is spent by its answer: a second answer to the same challenge finds none.
    private static string? TakeState(HttpContext http, IDataProtectionProvider protection)
    {
        var text = http.Request.Cookies[StateCookie];
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/staff", Secure = true, SameSite = SameSiteMode.Strict });
        if (text is not { Length: > 0 and <= 8 * 1024 })
        {
            return null;
        }

        try
        {
            return protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(text) is { Length: > 0 } state ? state : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // expired, foreign or tampered
        }
    }

    private static bool TryBase64Url(string text, out byte[] bytes)
    {
        bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.TryDecodeFromChars(text, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }

    private static string Bounded(string? message) => message is null ? "refused" : message.Length <= 200 ? message : message[..200];
}
