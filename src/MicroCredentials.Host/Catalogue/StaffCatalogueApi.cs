using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Components.Staff;
using MicroCredentials.Host.Components.Staff.Catalogue;
using MicroCredentials.Host.Staff;
using MicroCredentials.Keys;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace MicroCredentials.Host.Catalogue;

/// <summary>
/// The catalogue in the staff app at <c>/staff/catalogue</c>: the list, a micro-credential's form (create, or edit as a new
/// version: an issued version never changes), the institution's block with its logo, import and export of the catalogue
/// file, the live EU Annex I check (the messages of <c>catalog check</c>, in the page's language) and the certificate
/// preview. Issuers may look; administrators change. Every change is in the audit log with the person's name.
/// </summary>
internal static partial class StaffCatalogueApi
{
    /// <summary>Maps the catalogue pages and the institution's logo.</summary>
    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        app.MapCatalogueLogo();
        var catalogue = app.MapGroup("/staff/catalogue").ExcludeFromDescription().RequireAuthorization(StaffPolicies.Issuer)
            .WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(StaffAccountApi.RefuseForgedPostAsync);
        catalogue.MapGet("", ListPage);
        catalogue.MapGet("/export", Export);
        catalogue.MapGet("/new", (HttpContext http) => EntryResult(CatalogueEntryForm.FromDefinition(new MicroCredentialDefinition(), 0), true, CanEdit(http), [], null, [],
            StatusCodes.Status200OK));
        catalogue.MapGet("/entries/{code}", EditPageAsync);
        catalogue.MapGet("/issuer", (HttpContext http, CatalogueState state) => IssuerResult(
            CatalogueIssuerForm.FromDefinition(state.Current.Issuer, state.Stored.IssuerRevision), state.LogoUrl, CanEdit(http), [], null, StatusCodes.Status200OK));
        var admin = catalogue.MapGroup("").RequireAuthorization(StaffPolicies.Administrator);
        admin.MapPost("/entries", SaveEntryAsync);
        admin.MapPost("/check", CheckAsync);
        admin.MapPost("/preview", PreviewAsync);
        admin.MapPost("/issuer", SaveIssuerAsync);
        admin.MapPost("/import", ImportAsync);
        return app;
    }

    private static bool CanEdit(HttpContext http) => http.User.HasClaim(StaffPolicies.RoleClaim, StaffPolicies.AdministratorRole);

    private static RazorComponentResult<CataloguePage> ListPage(string? done, HttpContext http, CatalogueState state) =>
        ListResult(state, CanEdit(http), done is "saved" or "issuer" or "imported" or "unchanged" ? done : null, [], StatusCodes.Status200OK);

    private static RazorComponentResult<CataloguePage> ListResult(CatalogueState state, bool canEdit, string? done, IReadOnlyList<string> problems, int status) =>
        new(new Dictionary<string, object?>
        {
            [nameof(CataloguePage.Catalogue)] = state.Stored,
            [nameof(CataloguePage.LogoUrl)] = state.LogoUrl,
            [nameof(CataloguePage.CanEdit)] = canEdit,
            [nameof(CataloguePage.Done)] = done,
            [nameof(CataloguePage.Problems)] = problems,
        })
        { StatusCode = status };

    private static IResult Export(CatalogueState state, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(CatalogWriter.ToJson(state.Current)), "application/json", "catalog.json");
    }

    private static async Task<IResult> EditPageAsync(string code, HttpContext http, CatalogueState state, CredentialStore store, IStringLocalizer<StaffTexts> s,
        CancellationToken ct)
    {
        if (code.Length > 100 || state.Current.Find(code) is not { } entry)
        {
            return Results.Problem(title: s["Catalogue.NotFound"], detail: s["Catalogue.NotFoundDetail"], statusCode: StatusCodes.Status404NotFound);
        }

        var revision = state.Stored.EntryRevisions.GetValueOrDefault(entry.Code);
        return EntryResult(CatalogueEntryForm.FromDefinition(entry, revision), false, CanEdit(http), [], null,
            await store.ListCatalogueRevisionsAsync(entry.Code, ct), StatusCodes.Status200OK);
    }

    private static RazorComponentResult<CatalogueEntryPage> EntryResult(CatalogueEntryForm form, bool isNew, bool canEdit, IReadOnlyList<CatalogueCheck> checks,
        string? problem, IReadOnlyList<CatalogueRevision> history, int status) =>
        new(new Dictionary<string, object?>
        {
            [nameof(CatalogueEntryPage.Form)] = form,
            [nameof(CatalogueEntryPage.IsNew)] = isNew,
            [nameof(CatalogueEntryPage.CanEdit)] = canEdit,
            [nameof(CatalogueEntryPage.Checks)] = checks,
            [nameof(CatalogueEntryPage.Problem)] = problem,
            [nameof(CatalogueEntryPage.History)] = history,
        })
        { StatusCode = status };

    private static RazorComponentResult<CatalogueIssuerPage> IssuerResult(CatalogueIssuerForm form, string? logoUrl, bool canEdit, IReadOnlyList<CatalogueCheck> checks,
        string? problem, int status) =>
        new(new Dictionary<string, object?>
        {
            [nameof(CatalogueIssuerPage.Form)] = form,
            [nameof(CatalogueIssuerPage.LogoUrl)] = logoUrl,
            [nameof(CatalogueIssuerPage.CanEdit)] = canEdit,
            [nameof(CatalogueIssuerPage.Checks)] = checks,
            [nameof(CatalogueIssuerPage.Problem)] = problem,
        })
        { StatusCode = status };

    /// <summary>The check of one entry as <c>catalog check</c> makes it (the issuer block's own errors are its page's).</summary>
    private static IReadOnlyList<CatalogError> EntryErrors(MicroCredentialDefinition entry, CatalogueState state, bool isNew)
    {
        var errors = CatalogLoader.Validate(new MicroCredentialCatalog { Issuer = state.Current.Issuer, MicroCredentials = [entry] })
            .Where(e => e.Entry != "issuer").ToList();
        if (isNew && state.Current.Find(entry.Code) is not null)
        {
            errors.Add(new CatalogError(entry.Code, "code", "the code is used by more than one entry.") { Key = "Catalogue.Check.DuplicateCode" });
        }

        return errors;
    }

    private static IReadOnlyList<CatalogError> IssuerErrors(IssuerProfileDefinition issuer, CatalogueState state) =>
        [.. CatalogLoader.Validate(state.Current with { Issuer = issuer }).Where(e => e.Entry == "issuer")];

    private static async Task<IResult> CheckAsync(HttpContext http, CatalogueState state, IStringLocalizer<StaffTexts> s)
    {
        var posted = await http.Request.ReadFormAsync(http.RequestAborted);
        IReadOnlyList<CatalogueCheck> checks;
        if (posted["form"] == "issuer")
        {
            if (CatalogueIssuerForm.FromForm(posted) is not { } issuerForm)
            {
                return Results.Problem(title: s["Catalogue.Problem.TooLong"], statusCode: StatusCodes.Status400BadRequest);
            }

            checks = CatalogueCheck.Of(IssuerErrors(issuerForm.ToDefinition(state.Current.Issuer.Logo), state), CatalogueIssuerForm.FieldOf, s);
        }
        else
        {
            if (CatalogueEntryForm.FromForm(posted) is not { } form)
            {
                return Results.Problem(title: s["Catalogue.Problem.TooLong"], statusCode: StatusCodes.Status400BadRequest);
            }

            var previous = state.Current.Find(form["code"]);
            checks = CatalogueCheck.Of(EntryErrors(form.ToDefinition(previous), state, form.BaseRevision == 0), CatalogueEntryForm.FieldOf, s);
        }

        return Results.Json(new
        {
            summary = checks.Count == 0 ? s["Catalogue.Check.AllPresent"].Value : s["Catalogue.Check.Count", checks.Count].Value,
            errors = checks.Select(c => new { field = c.Field, message = c.Message }),
        });
    }

    private static async Task<IResult> SaveEntryAsync(HttpContext http, CatalogueState state, CredentialStore store, IStringLocalizer<StaffTexts> s)
    {
        var posted = await http.Request.ReadFormAsync(http.RequestAborted);
        if (CatalogueEntryForm.FromForm(posted) is not { } form)
        {
            return Results.Problem(title: s["Catalogue.Problem.TooLong"], statusCode: StatusCodes.Status400BadRequest);
        }

        var isNew = form.BaseRevision == 0;
        var previous = isNew ? null : state.Current.Find(form["code"]);
        var entry = form.ToDefinition(previous);
        var errors = EntryErrors(entry, state, isNew);
        var history = previous is null ? [] : await store.ListCatalogueRevisionsAsync(previous.Code, http.RequestAborted);
        if (errors.Count > 0)
        {
            return EntryResult(form, isNew, true, CatalogueCheck.Of(errors, CatalogueEntryForm.FieldOf, s), null, history, StatusCodes.Status400BadRequest);
        }

        var saved = await store.SaveCatalogueEntryAsync(entry, form.BaseRevision, http.User.StaffActor(), CancellationToken.None);
        if (saved.Outcome is CatalogueEditOutcome.Saved or CatalogueEditOutcome.Unchanged)
        {
            await state.ReloadAsync(CancellationToken.None);
            return Results.Redirect($"/staff/catalogue?done={(saved.Outcome == CatalogueEditOutcome.Saved ? "saved" : "unchanged")}");
        }

        var problem = saved.Outcome switch
        {
            CatalogueEditOutcome.VersionIssued => s["Catalogue.Problem.VersionIssued", entry.Version].Value,
            CatalogueEditOutcome.CodeTaken => s["Catalogue.Check.DuplicateCode"].Value,
            _ => s["Catalogue.Problem.Stale"].Value,
        };
        return EntryResult(form, isNew, true, [], problem, history, StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> PreviewAsync(HttpContext http, CatalogueState state, IssuerKeySet keys, IssuanceService issuance, TimeProvider time,
        IStringLocalizer<StaffTexts> s)
    {
        var posted = await http.Request.ReadFormAsync(http.RequestAborted);
        if (CatalogueEntryForm.FromForm(posted) is not { } form)
        {
            return Results.Problem(title: s["Catalogue.Problem.TooLong"], statusCode: StatusCodes.Status400BadRequest);
        }

        var isNew = form.BaseRevision == 0;
        var entry = form.ToDefinition(state.Current.Find(form["code"]));
        var errors = EntryErrors(entry, state, isNew).Where(e => e.Key != "Catalogue.Check.DuplicateCode").ToList();
        if (errors.Count > 0)
        {
            return EntryResult(form, isNew, true, CatalogueCheck.Of(errors, CatalogueEntryForm.FieldOf, s), s["Catalogue.Preview.NeedsAll"], [],
                StatusCodes.Status400BadRequest);
        }

        var asked = posted["previewLanguage"].ToString();
        var language = asked is "nl" or "en" or "fr" ? asked : "en";
        var pdf = CataloguePreview.Render(entry, state.Current.Issuer, keys, issuance, time, language);
        http.Response.Headers.CacheControl = "no-store";
        // Inline: the preview opens in the browser's PDF viewer (a new tab), it is not a file to keep.
        http.Response.Headers.ContentDisposition = $"inline; filename=\"preview-{entry.Code}-{language}.pdf\"";
        return Results.Bytes(pdf, "application/pdf");
    }
}
