using MicroCredentials.Data;
using MicroCredentials.Host.Components.Staff;
using MicroCredentials.Host.Components.Staff.Admin;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace MicroCredentials.Host.Staff;

internal static partial class StaffAdminApi
{
    private static async Task<RazorComponentResult<ApiKeysPage>> ApiKeysPageAsync(string? done, CredentialStore store, CancellationToken ct) =>
        await ApiKeysResultAsync(store, null, done == "revoked" ? done : null, null, StatusCodes.Status200OK, ct);

    private static async Task<RazorComponentResult<ApiKeysPage>> CreateApiKeyAsync([FromForm] string? name, [FromForm] string? role, HttpContext http,
        CredentialStore store, IStringLocalizer<StaffTexts> s)
    {
        var label = (name ?? string.Empty).Trim();
        if (label.Length is 0 or > HostLimits.StaffNameMaxLength || label.Any(char.IsControl))
        {
            return await ApiKeysResultAsync(store, null, null, s["ApiKeys.Error.Name", HostLimits.StaffNameMaxLength], StatusCodes.Status400BadRequest, http.RequestAborted);
        }

        if (!Enum.TryParse<ApiKeyRole>(role, ignoreCase: false, out var keyRole) || !Enum.IsDefined(keyRole))
        {
            return await ApiKeysResultAsync(store, null, null, s["Account.Error.Role"], StatusCodes.Status400BadRequest, http.RequestAborted);
        }

        // Shown once, on this answer only (never cached): the store keeps its hash.
        var created = await store.CreateApiKeyAsync(label, keyRole, http.User.StaffActor(), CancellationToken.None);
        http.Response.Headers.CacheControl = "no-store";
        return await ApiKeysResultAsync(store, created, null, null, StatusCodes.Status200OK, http.RequestAborted);
    }

    private static async Task<IResult> RevokeApiKeyAsync(long id, HttpContext http, CredentialStore store) =>
        await store.RevokeApiKeyAsync(id, http.User.StaffActor(), CancellationToken.None)
            ? Results.Redirect("/staff/admin/apikeys?done=revoked")
            : Results.NotFound();

    private static async Task<RazorComponentResult<ApiKeysPage>> ApiKeysResultAsync(CredentialStore store, CreatedApiKey? created, string? done, string? error,
        int status, CancellationToken ct) =>
        new(new Dictionary<string, object?>
        {
            [nameof(ApiKeysPage.Keys)] = await store.ListApiKeysAsync(ct),
            [nameof(ApiKeysPage.Created)] = created,
            [nameof(ApiKeysPage.Done)] = done,
            [nameof(ApiKeysPage.Error)] = error,
        })
        { StatusCode = status };
}
