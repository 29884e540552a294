using MicroCredentials.Data;
using MicroCredentials.Host.Components.Staff;
using MicroCredentials.Host.Components.Staff.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace MicroCredentials.Host.Staff;

internal static partial class StaffAccountApi
{
    private static async Task<RazorComponentResult<SetupPage>> SetupPageAsync(string? token, CredentialStore store, CancellationToken ct)
    {
        var usable = token is not null && await store.CheckSetupTokenAsync(token, ct) == AccountSaveOutcome.Saved;
        return SetupResult(usable, token ?? string.Empty, null, null, null, usable ? StatusCodes.Status200OK : StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SetupAsync([FromForm] string? token, [FromForm] string? userName, [FromForm] string? displayName,
        [FromForm] string? password, HttpContext http, UserManager<StaffUser> users, CredentialStore store, IStringLocalizer<StaffTexts> s)
    {
        if (token is null || await store.CheckSetupTokenAsync(token, http.RequestAborted) != AccountSaveOutcome.Saved)
        {
            return SetupResult(false, string.Empty, null, null, null, StatusCodes.Status404NotFound);
        }

        var (account, error) = await StaffAccountRules.NewAccountAsync(users, s, userName, displayName, StaffRole.Administrator, password);
        if (account is null)
        {
            return SetupResult(true, token, error, userName, displayName, StatusCodes.Status400BadRequest);
        }

        var (outcome, created) = await store.CreateFirstAdministratorAsync(token, account, CancellationToken.None);
        if (outcome != AccountSaveOutcome.Saved)
        {
            return SetupResult(false, string.Empty, null, null, null, StatusCodes.Status404NotFound);
        }

        var user = StaffUser.From(created!);
        await http.SignInAsync(StaffAuthentication.CookieScheme, StaffPrincipal.Local(user));
        await store.RecordAuditAsync(StaffPrincipal.Actor(user.DisplayName, user.UserName), AuditAction.SignIn, "setup link, first administrator", CancellationToken.None);
        return Results.Redirect("/staff/admin/accounts");
    }

    private static RazorComponentResult<SetupPage> SetupResult(bool usable, string token, string? error, string? userName, string? displayName, int status) =>
        new(new Dictionary<string, object?>
        {
            [nameof(SetupPage.Usable)] = usable,
            [nameof(SetupPage.Token)] = token,
            [nameof(SetupPage.Error)] = error,
            [nameof(SetupPage.UserName)] = userName,
            [nameof(SetupPage.DisplayName)] = displayName,
        })
        { StatusCode = status };
}
