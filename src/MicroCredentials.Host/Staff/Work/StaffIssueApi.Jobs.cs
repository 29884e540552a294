using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Jobs;
using MicroCredentials.Host.Components.Staff.Issue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MicroCredentials.Host.Staff.Work;

internal static partial class StaffIssueApi
{
    /// <summary>Seconds between the progress page's own reloads (the HTTP <c>Refresh</c> header: no JavaScript needed).</summary>
    private const int RefreshSeconds = 2;

    private static readonly string[] LinksHeader = ["email", "name", "micro-credential", "status", "verification_url", "download_url"];

    private static void MapJobs(RouteGroupBuilder issue)
    {
        issue.MapGet("/jobs/{id}", JobPageAsync);
        issue.MapGet("/jobs/{id}/links.csv", LinksAsync);
        issue.MapPost("/jobs/{id}/forget", ForgetAsync);
    }

    // The e-mail addresses kept for the links CSV are deleted on demand; the job and its credentials stay.
    private static async Task<IResult> ForgetAsync(string id, HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, CredentialStore store,
        CancellationToken ct)
    {
        if (await FormProblemAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }

        if (id.Length > 64 || await store.GetBatchJobAsync(id, ct) is null)
        {
            return TypedResults.Problem(title: "Unknown batch", detail: $"No batch job has id '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        await store.ForgetJobContactsAsync(id, ct);
        return TypedResults.Redirect($"/staff/issue/jobs/{id}");
    }

    // The job's state is read from the database on every load, so the page survives a reload and a host restart
    // (the worker resumes the job where it stopped; rows already issued are never issued twice).
    private static async Task<IResult> JobPageAsync(string id, HttpContext http, CredentialStore store, CancellationToken ct)
    {
        var status = id.Length <= 64 ? await store.GetBatchJobAsync(id, ct) : null;
        if (status is null)
        {
            return new RazorComponentResult<IssueJobPage>(new Dictionary<string, object?> { [nameof(IssueJobPage.Status)] = null })
            {
                StatusCode = StatusCodes.Status404NotFound,
            };
        }

        if (!IsFinished(status))
        {
            http.Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new RazorComponentResult<IssueJobPage>(new Dictionary<string, object?> { [nameof(IssueJobPage.Status)] = status });
    }

    // UTF-8 with BOM (Excel then shows accents right), ';' separated, every cell formula-safe (CsvWriter).
    private static async Task<IResult> LinksAsync(string id, IssuanceService issuance, CancellationToken ct)
    {
        var status = id.Length <= 64 ? await issuance.Store.GetBatchJobAsync(id, ct) : null;
        if (status is null)
        {
            return TypedResults.Problem(title: "Unknown batch", detail: $"No batch job has id '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        if (!IsFinished(status))
        {
            return TypedResults.Problem(title: "Not done yet", detail: "The links are ready when the job is done.", statusCode: StatusCodes.Status409Conflict);
        }

        var emails = await issuance.Store.ReadJobContactsAsync(id, ct);
        return Results.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
            await writer.WriteAsync(CsvWriter.Document(LinksHeader, []));
            await foreach (var r in issuance.ReadBatchResultsAsync(id, ct))
            {
                var email = r.Line is { } line && emails.TryGetValue(line, out var e) ? e : null;
                string?[] cells = [email, r.LearnerName, r.Code, StatusWord(r.Outcome), r.VerificationUrl, r.DownloadUrl];
                await writer.WriteAsync(string.Join(CsvWriter.Separator, cells.Select(CsvWriter.Cell)) + "\n");
            }
        }, "text/csv; charset=utf-8", $"links-{id}.csv");
    }

    private static string StatusWord(IssueOutcome outcome) => outcome switch
    {
        IssueOutcome.Issued => "issued",
        IssueOutcome.AlreadyIssued => "already issued",
        IssueOutcome.Rejected => "rejected",
        _ => "not issued",
    };

    private static bool IsFinished(BatchJobStatus status) => status.State is BatchJobState.Done or BatchJobState.Cancelled;
}
