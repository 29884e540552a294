using System.Globalization;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Components;
using MicroCredentials.Host.Components.Staff.Find;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MicroCredentials.Host.Staff.Find;

/// <summary>
/// Find and act at <c>/staff/credentials</c>: search (issuer role) by name, e-mail (through the lookup hash), short code,
/// handle or id with filters; a credential's page with its facts, links, history and audit entries; a learner's
/// credentials with their total ECTS; and (administrator role) revoke, suspend, unsuspend and re-issue, each with a
/// reason and a confirmation page, through the same <see cref="IssuanceService"/> paths as the API and the CLI.
/// </summary>
internal static partial class StaffFindApi
{
    /// <summary>The search page's address.</summary>
    public const string Path = "/staff/credentials";

    /// <summary>Maps the find pages and the actions.</summary>
    public static IEndpointRouteBuilder MapStaffFind(this IEndpointRouteBuilder app)
    {
        var find = app.MapGroup(Path).ExcludeFromDescription().RequireAuthorization(StaffPolicies.Issuer)
            .WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(StaffAccountApi.RefuseForgedPostAsync);
        find.MapGet("", SearchPageAsync);
        find.MapGet("/{handle}", CredentialPageAsync);
        find.MapGet("/{handle}/learner", LearnerPageAsync);
        var admin = find.MapGroup("/{handle}").RequireAuthorization(StaffPolicies.Administrator);
        foreach (var action in new[] { FindAction.Revoke, FindAction.Suspend, FindAction.Unsuspend })
        {
            admin.MapGet("/" + action.Segment(), (string handle, HttpContext http, CancellationToken ct) => StatusFormAsync(handle, action, http, ct));
            admin.MapPost("/" + action.Segment(), (string handle, HttpContext http, CancellationToken ct) => StatusChangeAsync(handle, action, http, ct));
        }

        admin.MapGet("/reissue", ReissueFormAsync);
        admin.MapPost("/reissue", ReissueAsync);
        return app;
    }

    /// <summary>The credential page's address.</summary>
    public static string CredentialPath(string handle) => Path + "/" + Uri.EscapeDataString(handle);

    private static async Task<RazorComponentResult<FindPage>> SearchPageAsync(HttpRequest request, IssuanceService issuance, MicroCredentialCatalog catalog,
        CancellationToken ct)
    {
        var filter = FindFilter.Read(request.Query);
        // No criteria: the newest credentials.
        var result = await issuance.Store.SearchCredentialsAsync(filter.Search(issuance), (filter.Page - 1) * HostLimits.FindPageSize, HostLimits.FindPageSize, ct);
        return new RazorComponentResult<FindPage>(new Dictionary<string, object?>
        {
            [nameof(FindPage.Filter)] = filter,
            [nameof(FindPage.Rows)] = Rows(result.Credentials, catalog),
            [nameof(FindPage.Total)] = result.Total,
            [nameof(FindPage.Codes)] = catalog.MicroCredentials.Select(m => (m.Code, LocalizedText.Pick(m.Title, PageCulture.Current) ?? m.Code)).ToList(),
        });
    }

    private static async Task<IResult> CredentialPageAsync(string handle, string? done, HttpContext http, IssuanceService issuance, MicroCredentialCatalog catalog,
        CancellationToken ct)
    {
        if (await FindAsync(issuance, handle, ct) is not { } stored)
        {
            return Missing();
        }

        var store = issuance.Store;
        var audit = await store.QueryAuditAsync(stored.Id, 0, HostLimits.FindHistoryMaxEntries, ct);
        return new RazorComponentResult<CredentialPage>(new Dictionary<string, object?>
        {
            [nameof(CredentialPage.Model)] = new CredentialPageModel
            {
                Credential = stored,
                View = CredentialView.From(IssuanceService.ParseCredential(stored), PageCulture.Current),
                Title = catalog.TitleOf(stored.AchievementId, PageCulture.Current),
                VerificationUrl = issuance.Options.VerificationUrl(stored.Handle),
                DownloadUrl = issuance.DownloadUrlFor(stored.Id),
                History = [.. audit.Reverse()],
                SupersedesHandle = stored.Supersedes is { } older ? (await store.FindByIdAsync(older, ct))?.Handle : null,
                SupersededByHandle = stored.SupersededBy is { } newer ? (await store.FindByIdAsync(newer, ct))?.Handle : null,
                IsAdministrator = http.User.HasClaim(StaffPolicies.RoleClaim, StaffPolicies.AdministratorRole),
                Done = Enum.TryParse<FindAction>(done, ignoreCase: true, out var d) && Enum.IsDefined(d) ? d : null,
            },
        });
    }

    private static async Task<IResult> LearnerPageAsync(string handle, IssuanceService issuance, MicroCredentialCatalog catalog, CancellationToken ct)
    {
        if (await FindAsync(issuance, handle, ct) is not { } stored)
        {
            return Missing();
        }

        // A credential issued without a learner row stands alone.
        IReadOnlyList<StoredCredential> all = stored.LearnerId is { } learner
            ? (await issuance.Store.SearchCredentialsAsync(new CredentialSearch { LearnerId = learner }, 0, HostLimits.FindLearnerMaxCredentials, ct)).Credentials
            : [stored];
        var total = all.Where(c => c.State == CredentialState.Valid)
            .Sum(c => decimal.TryParse(CredentialView.From(IssuanceService.ParseCredential(c), "en").Ects, NumberStyles.Number, CultureInfo.InvariantCulture, out var e) ? e : 0m);
        return new RazorComponentResult<LearnerPage>(new Dictionary<string, object?>
        {
            [nameof(LearnerPage.LearnerName)] = stored.LearnerName,
            [nameof(LearnerPage.From)] = stored.Handle,
            [nameof(LearnerPage.Rows)] = Rows(all, catalog),
            [nameof(LearnerPage.TotalEcts)] = total,
            [nameof(LearnerPage.Truncated)] = all.Count >= HostLimits.FindLearnerMaxCredentials,
        });
    }

    private static List<FindRow> Rows(IEnumerable<StoredCredential> credentials, MicroCredentialCatalog catalog) =>
    [
        .. credentials.Select(c => new FindRow(c.Handle, c.LearnerName, catalog.TitleOf(c.AchievementId, PageCulture.Current),
            DateOnly.FromDateTime(c.IssuedAt.UtcDateTime), c.State, c.ShortCode)),
    ];

    private static async Task<StoredCredential?> FindAsync(IssuanceService issuance, string handle, CancellationToken ct) =>
        handle.Length is 0 or > HostLimits.FindHandleMaxLength ? null : await issuance.Store.FindByHandleAsync(handle, ct);

    private static RazorComponentResult<FindMissingPage> Missing() => new() { StatusCode = StatusCodes.Status404NotFound };
}
