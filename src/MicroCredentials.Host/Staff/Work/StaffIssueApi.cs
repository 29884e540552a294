using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Components.Staff;
using MicroCredentials.Host.Components.Staff.Issue;
using MicroCredentials.Host.Jobs;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace MicroCredentials.Host.Staff.Work;

/// <summary>
/// Issue from a spreadsheet at <c>/staff/issue</c> (issuer role): upload a CSV or .xlsx, map its columns, see the dry-run
/// grid (new / already issued / invalid with the reason next to the cell), fix cells and check again, then issue as a
/// durable batch job whose progress page (<c>/staff/issue/jobs/{id}</c>) refreshes itself without JavaScript.
/// The spreadsheet travels in the form between checks: nothing is stored until the staff member issues.
/// </summary>
internal static partial class StaffIssueApi
{
    private const string TableField = "table";
    private const string FileNameField = "fileName";

    /// <summary>Maps the spreadsheet issuing pages and the job pages.</summary>
    public static IEndpointRouteBuilder MapStaffWork(this IEndpointRouteBuilder app)
    {
        var issue = app.MapGroup("/staff/issue").RequireAuthorization(StaffPolicies.Issuer);
        issue.MapGet("", () => UploadPage(null, StatusCodes.Status200OK));
        issue.MapPost("", UploadAsync);
        issue.MapPost("/check", CheckAsync);
        issue.MapPost("/start", StartAsync);
        MapJobs(issue);
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, IAntiforgery antiforgery, IssuanceService issuance, MicroCredentialCatalog catalog,
        TimeProvider time, IStringLocalizer<StaffTexts> s, CancellationToken ct)
    {
        if (await FormProblemAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }

        var file = http.Request.Form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return UploadPage(s["Issue.Problem.Empty"], StatusCodes.Status400BadRequest);
        }

        if (file.Length > HostLimits.SpreadsheetMaxBytes)
        {
            return UploadPage(s["Issue.Problem.TooLarge", HostLimits.SpreadsheetMaxBytes / 1024 / 1024], StatusCodes.Status413PayloadTooLarge);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        var read = SpreadsheetReader.Read(bytes);
        if (read.Table is not { } table)
        {
            return UploadPage(s[read.ProblemKey!, [.. read.ProblemArguments]], StatusCodes.Status400BadRequest);
        }

        var name = Path.GetFileName(file.FileName);
        // The mapping this staff member last issued this header with, else the one its header names suggest.
        var remembered = await issuance.Store.FindColumnMappingAsync(Actor(http), ColumnMapping.HeaderKey(table.Header), ct);
        var mapping = ColumnMapping.Parse(remembered, table.Header.Count) ?? ColumnMapping.Guess(table.Header);
        var draft = new IssueDraft(name.Length is > 0 and <= 200 ? name : "upload", table, mapping);
        return await CheckPageAsync(draft, issuance, catalog, time, message: null, ct);
    }

    private static async Task<IResult> CheckAsync(HttpContext http, IAntiforgery antiforgery, IssuanceService issuance, MicroCredentialCatalog catalog,
        TimeProvider time, IStringLocalizer<StaffTexts> s, CancellationToken ct)
    {
        if (await FormProblemAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }

        return DraftFrom(http.Request.Form) is { } draft
            ? await CheckPageAsync(draft, issuance, catalog, time, message: null, ct)
            : UploadPage(s["Issue.Problem.Lost"], StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> StartAsync(HttpContext http, IAntiforgery antiforgery, IssuanceService issuance, MicroCredentialCatalog catalog,
        BatchJobSignal signal, TimeProvider time, IStringLocalizer<StaffTexts> s, CancellationToken ct)
    {
        if (await FormProblemAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }

        if (DraftFrom(http.Request.Form) is not { } draft)
        {
            return UploadPage(s["Issue.Problem.Lost"], StatusCodes.Status400BadRequest);
        }

        var csv = ColumnMapping.Missing(draft.Mapping).Count == 0 ? draft.Parse(catalog, AwardDates.Today(time)) : null;
        if (csv is null || csv.Rows.Count == 0)
        {
            return await CheckPageAsync(draft, issuance, catalog, time, s["Issue.NothingToIssue"], ct);
        }

        // Only the good rows become the job: invalid rows stay in the grid to be fixed and issued in a later run.
        var jobId = await issuance.Store.CreateBatchJobAsync(csv with { Errors = [] }, Actor(http), draft.FileName, ct);
        await issuance.Store.SaveJobContactsAsync(jobId, csv.Rows.Select(r => (r.Line, r.Email)), ct);
        await issuance.Store.SaveJobContactLanguagesAsync(jobId, csv.Rows.Where(r => r.Language is not null).Select(r => (r.Line, r.Language!)), ct);
        await issuance.Store.SaveColumnMappingAsync(Actor(http), ColumnMapping.HeaderKey(draft.Table.Header), string.Join(';', draft.Mapping), ct);
        signal.Wake();
        return TypedResults.Redirect($"/staff/issue/jobs/{jobId}");
    }

    private static async Task<IResult> CheckPageAsync(IssueDraft draft, IssuanceService issuance, MicroCredentialCatalog catalog, TimeProvider time,
        string? message, CancellationToken ct)
    {
        var missing = ColumnMapping.Missing(draft.Mapping);
        IReadOnlyList<DryRunRow>? grid = null;
        if (missing.Count == 0)
        {
            var csv = draft.Parse(catalog, AwardDates.Today(time));
            var results = await issuance.IssueBatchAsync(catalog, csv with { Errors = [] }, "dry-run", dryRun: true, progress: null, ct);
            grid = draft.Grid(csv, results);
        }

        return new RazorComponentResult<IssueCheckPage>(new Dictionary<string, object?>
        {
            [nameof(IssueCheckPage.M)] = new IssueCheckModel(draft, grid, missing, message),
        });
    }

    // The draft the grid form sent back: the table, the mapping, and the cells the staff member edited.
    private static IssueDraft? DraftFrom(IFormCollection form)
    {
        if (SpreadsheetTable.FromJson(form[TableField]) is not { } table)
        {
            return null;
        }

        foreach (var (key, value) in form)
        {
            if (CellKey(key) is var (row, column) && row < table.Rows.Count && column < table.Header.Count)
            {
                var text = value.ToString().Trim();
                table = table.WithCell(row, column, text.Length > HostLimits.SpreadsheetMaxCellChars ? text[..HostLimits.SpreadsheetMaxCellChars] : text);
            }
        }

        var name = form[FileNameField].ToString();
        return new IssueDraft(name.Length is > 0 and <= 200 ? name : "upload", table, ColumnMapping.FromForm(form, table.Header.Count));
    }

    // Edit fields are named cell-{row}-{column} (data row index, column index).
    private static (int Row, int Column)? CellKey(string key)
    {
        var parts = key.Split('-');
        return parts.Length == 3 && parts[0] == "cell" && int.TryParse(parts[1], out var row) && int.TryParse(parts[2], out var column) && row >= 0 && column >= 0
            ? (row, column) : null;
    }

    /// <summary>The name of the signed-in staff member, for the audit log.</summary>
    internal static string Actor(HttpContext http) => http.User.Identity?.Name is { Length: > 0 } name ? name : "staff";

    // Every staff form carries the antiforgery token; a form without it (or unreadable) is refused with 400.
    internal static async Task<IResult?> FormProblemAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Problem(title: "Not a form", detail: "Send the page's form.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return TypedResults.Problem(title: "Malformed form", detail: "The form could not be read.", statusCode: StatusCodes.Status400BadRequest);
        }

        return await antiforgery.IsRequestValidAsync(http) ? null
            : TypedResults.Problem(title: "Antiforgery token missing or invalid", detail: "Reload the page and send the form again.", statusCode: StatusCodes.Status400BadRequest);
    }

    private static RazorComponentResult<IssueUploadPage> UploadPage(string? problem, int status) =>
        new(new Dictionary<string, object?> { [nameof(IssueUploadPage.Problem)] = problem }) { StatusCode = status };
}
