using MicroCredentials.Data;
using MicroCredentials.Host.Components.Staff;
using MicroCredentials.Host.Components.Staff.Admin;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host.Staff;

internal static partial class StaffAdminApi
{
    private static readonly string[] AccountDone = ["created", "role", "disabled", "enabled", "password"];

    private static async Task<RazorComponentResult<AccountsPage>> AccountsPageAsync(string? done, HttpContext http, CancellationToken ct) =>
        await AccountsResultAsync(http, done is not null && AccountDone.Contains(done) ? done : null, null, StatusCodes.Status200OK, ct);

    private static async Task<IResult> CreateAccountAsync([FromForm] string? userName, [FromForm] string? displayName, [FromForm] string? role,
        [FromForm] string? password, HttpContext http, UserManager<StaffUser> users, CredentialStore store, IStringLocalizer<StaffTexts> s)
    {
        if (!Enum.TryParse<StaffRole>(role, ignoreCase: false, out var staffRole) || !Enum.IsDefined(staffRole))
        {
            return await AccountsResultAsync(http, null, s["Account.Error.Role"], StatusCodes.Status400BadRequest, http.RequestAborted);
        }

        var (account, error) = await StaffAccountRules.NewAccountAsync(users, s, userName, displayName, staffRole, password);
        if (account is null)
        {
            return await AccountsResultAsync(http, null, error, StatusCodes.Status400BadRequest, http.RequestAborted);
        }

        var (outcome, _) = await store.CreateAccountAsync(account, http.User.StaffActor(), CancellationToken.None);
        return outcome == AccountSaveOutcome.Saved
            ? Results.Redirect("/staff/admin/accounts?done=created")
            : await AccountsResultAsync(http, null, s["Account.Error.NameTaken"], StatusCodes.Status409Conflict, http.RequestAborted);
    }

    private static async Task<IResult> SetRoleAsync(long id, [FromForm] string? role, HttpContext http, IStringLocalizer<StaffTexts> s) =>
        !Enum.TryParse<StaffRole>(role, ignoreCase: false, out var staffRole) || !Enum.IsDefined(staffRole)
            ? await AccountsResultAsync(http, null, s["Account.Error.Role"], StatusCodes.Status400BadRequest, http.RequestAborted)
            : await ChangeAsync(http, id, "role", a => a.Role == staffRole ? null : a with { Role = staffRole }, $"role set to {staffRole}");

    private static Task<IResult> SetDisabledAsync(long id, bool disabled, HttpContext http) =>
        ChangeAsync(http, id, disabled ? "disabled" : "enabled",
            a => a with { Disabled = disabled, FailedCount = 0, LockoutEnd = null }, disabled ? "disabled" : "enabled");

    private static async Task<IResult> ResetPasswordAsync(long id, [FromForm] string? password, HttpContext http, UserManager<StaffUser> users,
        CredentialStore store, IStringLocalizer<StaffTexts> s)
    {
        if (await store.FindAccountAsync(id, http.RequestAborted) is not { } account)
        {
            return Results.NotFound();
        }

        var user = StaffUser.From(account);
        if (await StaffAccountRules.PasswordErrorAsync(users, s, user, password) is { } error)
        {
            return await AccountsResultAsync(http, null, error, StatusCodes.Status400BadRequest, http.RequestAborted);
        }

        var hash = users.PasswordHasher.HashPassword(user, password!);
        return await ChangeAsync(http, id, "password", a => a with { PasswordHash = hash, FailedCount = 0, LockoutEnd = null }, "password reset");
    }

    // One audited change; a new security stamp ends the account's sessions. Administrators cannot lock themselves out.
    private static async Task<IResult> ChangeAsync(HttpContext http, long id, string done, Func<StaffAccount, StaffAccount?> change, string detail)
    {
        var store = http.RequestServices.GetRequiredService<CredentialStore>();
        var s = http.RequestServices.GetRequiredService<IStringLocalizer<StaffTexts>>();
        if (await store.FindAccountAsync(id, http.RequestAborted) is not { } account)
        {
            return Results.NotFound();
        }

        if (http.User.LocalAccountId() == id && done is "role" or "disabled")
        {
            return await AccountsResultAsync(http, null, s["Account.Error.Self"], StatusCodes.Status409Conflict, http.RequestAborted);
        }

        if (change(account) is { } changed)
        {
            await store.UpdateAccountAsync(changed with { SecurityStamp = StaffAccountRules.NewStamp() }, (http.User.StaffActor(), detail), CancellationToken.None);
        }

        return Results.Redirect("/staff/admin/accounts?done=" + done);
    }

    private static async Task<RazorComponentResult<AccountsPage>> AccountsResultAsync(HttpContext http, string? done, string? error, int status, CancellationToken ct)
    {
        var store = http.RequestServices.GetRequiredService<CredentialStore>();
        var options = http.RequestServices.GetRequiredService<IOptions<StaffSignInOptions>>().Value;
        return new RazorComponentResult<AccountsPage>(new Dictionary<string, object?>
        {
            [nameof(AccountsPage.Accounts)] = await store.ListAccountsAsync(ct),
            [nameof(AccountsPage.Oidc)] = options.Oidc.Enabled ? options.Oidc : null,
            [nameof(AccountsPage.Done)] = done,
            [nameof(AccountsPage.Error)] = error,
            [nameof(AccountsPage.Now)] = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
        })
        { StatusCode = status };
    }
}
