using System.Globalization;
using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Jobs;
using MicroCredentials.Host.Infrastructure;
using MicroCredentials.Host.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MicroCredentials.Host.Apis;

/// <summary>
/// Batches as durable jobs: <c>POST /api/batches</c> checks the CSV, stores the job and answers 202 with its URL at
/// once; a background worker (any host on the same database) issues it; <c>GET /api/batches/{id}</c> gives progress;
/// the links CSV and the row errors are read when it is done; it can be cancelled. A dry run stays synchronous.
/// </summary>
internal static partial class IssuanceApi
{
    private static readonly string[] LinksHeader = ["line", "name", "code", "outcome", "reason", "verification_url", "download_url"];

    private static void MapBatches(RouteGroupBuilder api)
    {
        api.MapPost("/batches", CreateBatchAsync).RequireApiKey(ApiKeyRole.Issuer)
            .WithSummary("Issue from a learners CSV (text/csv body or multipart 'file') as a background job: 202 with the job's URL. "
                + "?dryRun=true reports every row at once without issuing (Accept: text/csv gives it as CSV).");
        api.MapGet("/batches/{id}", GetBatchAsync).RequireApiKey(ApiKeyRole.Issuer)
            .WithSummary("A batch job's state, counts (issued, already issued, rejected, remaining), throughput and ETA.");
        api.MapGet("/batches/{id}/links.csv", BatchLinksAsync).RequireApiKey(ApiKeyRole.Issuer)
            .WithSummary("When the job is done (or cancelled): every row with its outcome, reason and the graduate's links, as CSV.");
        api.MapGet("/batches/{id}/errors", BatchErrorsAsync).RequireApiKey(ApiKeyRole.Issuer)
            .WithSummary("When the job is done (or cancelled): the rejected rows with their reasons.");
        api.MapPost("/batches/{id}/cancel", CancelBatchAsync).RequireApiKey(ApiKeyRole.Issuer)
            .WithSummary("Cancel a queued or running job: rows not yet issued stay unissued; what was issued stays issued.");
        api.MapPost("/batches/{id}/revoke", RevokeBatchAsync).RequireApiKey(ApiKeyRole.Administrator)
            .WithSummary("Revoke every credential a finished (done or cancelled) job issued, with one reason ({\"reason\": …}); each is audit-logged. "
                + "Answers the counts; 409 while the job is still running.");
    }

    private static async Task<IResult> RevokeBatchAsync(string id, StatusChangeRequest body, HttpContext http, CredentialStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Required: it is kept in the audit log."] });
        }

        var (done, job) = await store.RevokeBatchJobAsync(id, body.Reason.Trim(), http.Actor(), ct);
        if (job is null)
        {
            return UnknownBatch(id);
        }

        return done is null
            ? TypedResults.Problem(title: "Still running", detail: $"The job is {job.State.ToString().ToLowerInvariant()}: cancel it (POST {id}/cancel) or let it finish, then revoke.",
                statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Ok(new BatchRevocationResponse(id, done.Revoked, done.AlreadyRevoked));
    }

    /// <summary>What revoking a job's credentials did: revoked now, and revoked before (left as they were).</summary>
    internal sealed record BatchRevocationResponse(string Id, int Revoked, int AlreadyRevoked);

    private static async Task<IResult> CreateBatchAsync(HttpRequest request, bool? dryRun, IssuanceService issuance, MicroCredentialCatalog catalog,
        BatchJobSignal signal, TimeProvider time, CancellationToken ct)
    {
        if (!IsCsvOrForm(request))
        {
            return TypedResults.Problem(title: "Unsupported content type",
                detail: "Send the learners CSV as text/csv (or text/plain), or as a multipart form with a field 'file'.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (dryRun == true)
        {
            var upload = await UploadReader.ReadCsvAsync(request, ct);
            if (upload.Problem is { } problem)
            {
                return problem;
            }

            var csv = LearnerCsvReader.Read(upload.Text!, upload.FileName, catalog, AwardDates.Today(time));
            return await DryRunAsync(request, issuance, catalog, csv, ct);
        }

        // Streamed into the job as it is read: a 100,000-row upload is never held in memory.
        var stored = await BatchUpload.StoreAsync(request, issuance.Store, catalog, AwardDates.Today(time), request.HttpContext.Actor(), ct);
        if (stored.Problem is { } refused)
        {
            return refused;
        }

        signal.Wake();
        var status = await issuance.Store.GetBatchJobAsync(stored.JobId!, ct);
        return TypedResults.Accepted($"/api/batches/{stored.JobId}", BatchJobResponse.From(status!));
    }

    private static async Task<IResult> DryRunAsync(HttpRequest request, IssuanceService issuance, MicroCredentialCatalog catalog, LearnerCsvResult csv,
        CancellationToken ct)
    {
        var results = await issuance.IssueBatchAsync(catalog, csv, request.HttpContext.Actor(), dryRun: true, progress: null, ct);
        if (request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Text(CsvWriter.Document(LinksHeader, results.Select(LinksRow)), "text/csv; charset=utf-8", Encoding.UTF8);
        }

        return TypedResults.Ok(new BatchResponse(
            true,
            0,
            results.Count(r => r.Outcome == IssueOutcome.WouldIssue),
            results.Count(r => r.Outcome == IssueOutcome.AlreadyIssued),
            results.Count(r => r.Outcome == IssueOutcome.Rejected),
            results.Select(IssuedResponse.From).ToList()));
    }

    private static async Task<Results<Ok<BatchJobResponse>, ProblemHttpResult>> GetBatchAsync(string id, CredentialStore store, CancellationToken ct) =>
        await store.GetBatchJobAsync(id, ct) is { } status ? TypedResults.Ok(BatchJobResponse.From(status)) : UnknownBatch(id);

    private static async Task<IResult> CancelBatchAsync(string id, CredentialStore store, CancellationToken ct)
    {
        if (await store.GetBatchJobAsync(id, ct) is null)
        {
            return UnknownBatch(id);
        }

        if (!await store.CancelBatchJobAsync(id, ct))
        {
            return TypedResults.Problem(title: "Already finished", detail: "Only a queued or running job can be cancelled.", statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(BatchJobResponse.From((await store.GetBatchJobAsync(id, ct))!));
    }

    private static async Task<IResult> BatchLinksAsync(string id, IssuanceService issuance, CancellationToken ct)
    {
        if (await FinishedProblemAsync(id, issuance.Store, ct) is { } problem)
        {
            return problem;
        }

        // Streamed a page of rows at a time: a 100,000-row job is never held in memory.
        return Results.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            await writer.WriteAsync(CsvWriter.Document(LinksHeader, []));
            await foreach (var result in issuance.ReadBatchResultsAsync(id, ct))
            {
                await writer.WriteAsync(string.Join(CsvWriter.Separator, LinksRow(result).Select(CsvWriter.Cell)) + "\n");
            }
        }, "text/csv; charset=utf-8");
    }

    private static async Task<IResult> BatchErrorsAsync(string id, IssuanceService issuance, CancellationToken ct)
    {
        if (await FinishedProblemAsync(id, issuance.Store, ct) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(RejectedRowsAsync(issuance, id, ct));
    }

    private static async IAsyncEnumerable<IssuedResponse> RejectedRowsAsync(IssuanceService issuance, string id,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var result in issuance.ReadBatchResultsAsync(id, ct))
        {
            if (result.Outcome == IssueOutcome.Rejected)
            {
                yield return IssuedResponse.From(result);
            }
        }
    }

    private static async Task<IResult?> FinishedProblemAsync(string id, CredentialStore store, CancellationToken ct)
    {
        var status = await store.GetBatchJobAsync(id, ct);
        if (status is null)
        {
            return UnknownBatch(id);
        }

        return status.State is BatchJobState.Done or BatchJobState.Cancelled
            ? null
            : TypedResults.Problem(title: "Not done yet", detail: $"The job is {status.State.ToString().ToLowerInvariant()}; {status.Remaining} rows remain. Poll /api/batches/{id}.",
                statusCode: StatusCodes.Status409Conflict);
    }

    private static ProblemHttpResult UnknownBatch(string id) =>
        TypedResults.Problem(title: "Unknown batch", detail: $"No batch job has id '{id}'.", statusCode: StatusCodes.Status404NotFound);

    private static string?[] LinksRow(IssueResult r) =>
        [r.Line?.ToString(CultureInfo.InvariantCulture), r.LearnerName, r.Code, r.Outcome.ToString(), r.Reason, r.VerificationUrl, r.DownloadUrl];

    /// <summary>
    /// A batch job's progress as the API shows it (<c>GET /api/batches/{id}</c>; a stable contract the staff app polls):
    /// <c>state</c> queued | running | done | cancelled; <c>total</c> data rows; <c>issued</c>, <c>alreadyIssued</c>,
    /// <c>rejected</c> and <c>remaining</c> (total = the four together); <c>rowsPerSecond</c> rows worked per second
    /// since the start and <c>etaSeconds</c> the estimated seconds to finish (both null until rows are done; the ETA
    /// null when finished); timestamps; <c>url</c>, and <c>linksUrl</c>/<c>errorsUrl</c> once finished.
    /// </summary>
    internal sealed record BatchJobResponse(string Id, string State, int Total, int Issued, int AlreadyIssued, int Rejected, int Remaining,
        double? RowsPerSecond, double? EtaSeconds, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
        string Url, string? LinksUrl, string? ErrorsUrl)
    {
        public static BatchJobResponse From(BatchJobStatus s)
        {
            var url = $"/api/batches/{s.Id}";
            var finished = s.State is BatchJobState.Done or BatchJobState.Cancelled;
            return new(s.Id, s.State.ToString().ToLowerInvariant(), s.Total, s.Issued, s.AlreadyIssued, s.Rejected, s.Remaining,
                s.RowsPerSecond is { } r ? Math.Round(r, 1) : null, s.Eta is { } e ? Math.Round(e.TotalSeconds) : null,
                s.CreatedAt, s.StartedAt, s.FinishedAt, url, finished ? url + "/links.csv" : null, finished ? url + "/errors" : null);
        }
    }
}
