using MicroCredentials.Host.Components.Staff.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MicroCredentials.Host.Staff;

/// <summary>
/// The administration pages (administrator only): local accounts and roles, the OpenID Connect role mapping (read-only), API
/// keys, and the audit log with its CSV export. Every change is audited with the administrator's name.
/// </summary>
internal static partial class StaffAdminApi
{
    /// <summary>Maps the pages on the <c>/staff/admin</c> group (which already requires the administrator policy).</summary>
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/", () => new RazorComponentResult<AdminPage>());
        admin.MapGet("/accounts", AccountsPageAsync);
        admin.MapPost("/accounts", CreateAccountAsync);
        admin.MapPost("/accounts/{id:long}/role", SetRoleAsync);
        admin.MapPost("/accounts/{id:long}/disable", (long id, HttpContext http) => SetDisabledAsync(id, true, http));
        admin.MapPost("/accounts/{id:long}/enable", (long id, HttpContext http) => SetDisabledAsync(id, false, http));
        admin.MapPost("/accounts/{id:long}/password", ResetPasswordAsync);
        admin.MapGet("/apikeys", ApiKeysPageAsync);
        admin.MapPost("/apikeys", CreateApiKeyAsync);
        admin.MapPost("/apikeys/{id:long}/revoke", RevokeApiKeyAsync);
        admin.MapGet("/keys", KeysPage);
        admin.MapPost("/keys/rotate", RotateKeysAsync);
        admin.MapGet("/audit", AuditPageAsync);
        admin.MapGet("/audit.csv", AuditCsvAsync);
    }

    private static string Bounded(string text) => text.Length <= HostLimits.StaffNameMaxLength ? text : text[..HostLimits.StaffNameMaxLength];
}
