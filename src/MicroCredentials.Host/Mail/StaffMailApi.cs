using System.Security.Cryptography;
using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Jobs;
using MicroCredentials.Data.Mail;
using MicroCredentials.Host.Components.Staff;
using MicroCredentials.Host.Components.Staff.Mail;
using MicroCredentials.Host.Staff;
using MicroCredentials.Host.Staff.Work;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace MicroCredentials.Host.Mail;

/// <summary>
/// "E-mail the graduates" of a finished batch job (issuer role): queue one message per issued row, list the messages
/// with their outcome (<c>/staff/issue/jobs/{id}/mail</c>), re-send one or all failed. The mail worker sends them.
/// </summary>
internal static class StaffMailApi
{
    /// <summary>Seconds between the page's own reloads while messages wait.</summary>
    private const int RefreshSeconds = 3;

    /// <summary>Maps the job's e-mail page and its actions.</summary>
    public static IEndpointRouteBuilder MapStaffMail(this IEndpointRouteBuilder app)
    {
        var mail = app.MapGroup("/staff/issue/jobs/{id}/mail").RequireAuthorization(StaffPolicies.Issuer);
        mail.MapGet("", PageAsync);
        mail.MapPost("", QueueAsync);
        mail.MapPost("/resend-failed", ResendFailedAsync);
        mail.MapPost("/{messageId:long}/resend", ResendAsync);
        return app;
    }

    private static async Task<IResult> PageAsync(string id, int? page, string? done, int? n, HttpContext http, CredentialStore store, CancellationToken ct)
    {
        if (await FindJobAsync(id, store, ct) is null)
        {
            return Page(Unknown(), StatusCodes.Status404NotFound);
        }

        if (page is < 0 or > HostLimits.MailMaxPage)
        {
            return TypedResults.Problem(title: "Page out of range", detail: $"Pages run from 0 to {HostLimits.MailMaxPage}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var known = done is "queued" or "resent" or "resentAll" ? done : null;
        var model = await ModelAsync(id, page ?? 0, store, known, Math.Clamp(n ?? 0, 0, int.MaxValue), problem: null, ct);
        if (model.Counts.Waiting > 0)
        {
            // While messages wait, the page reloads itself (HTTP Refresh, no JavaScript), like the job's progress page.
            http.Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page(model, StatusCodes.Status200OK);
    }

    // Queues one message per issued row whose address the job still keeps, in chunks; a row already queued is left alone.
    private static async Task<IResult> QueueAsync(string id, HttpContext http, IAntiforgery antiforgery, IssuanceService issuance, MicroCredentialCatalog catalog,
        MailOptions options, IStringLocalizer<StaffTexts> s, CancellationToken ct)
    {
        if (await StaffIssueApi.FormProblemAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }

        var store = issuance.Store;
        if (await FindJobAsync(id, store, ct) is not { } status)
        {
            return Page(Unknown(), StatusCodes.Status404NotFound);
        }

        var problem = !options.Enabled ? s["Mail.Off"] : status.State is not (BatchJobState.Done or BatchJobState.Cancelled) ? s["Mail.Problem.NotDone"] : null;
        var contacts = await store.ReadJobContactLanguagesAsync(id, ct);
        if (problem is null && contacts.Count == 0)
        {
            problem = s["Mail.NoContacts"];
        }

        if (problem is not null)
        {
            return Page(await ModelAsync(id, 0, store, null, 0, problem, ct), StatusCodes.Status409Conflict);
        }

        var actor = StaffIssueApi.Actor(http);
        var queued = 0;
        var chunk = new List<MailToQueue>(HostLimits.MailQueueChunk);
        await foreach (var r in issuance.ReadBatchResultsAsync(id, ct))
        {
            if (r is { Outcome: IssueOutcome.Issued, Credential: { } credential, Line: { } line, Code: { } code } && contacts.TryGetValue(line, out var contact))
            {
                chunk.Add(new MailToQueue(line, credential.Id, r.LearnerName ?? string.Empty, code, MailLanguages.For(contact.Language, catalog.Find(code)), contact.Email));
                if (chunk.Count == HostLimits.MailQueueChunk)
                {
                    queued += await store.QueueMailAsync(id, chunk, actor, ct);
                    chunk.Clear();
                }
            }
        }

        queued += await store.QueueMailAsync(id, chunk, actor, ct);
        return TypedResults.Redirect($"/staff/issue/jobs/{id}/mail?done=queued&n={queued}");
    }

    // Re-sends one sent or failed message: to the job's kept address, or to the address typed again, which must be the
    // learner's (its lookup hash is the credential's): a wrong address is corrected by re-issuing, not here.
    private static async Task<IResult> ResendAsync(string id, long messageId, HttpContext http, IAntiforgery antiforgery, IssuanceService issuance,
        IStringLocalizer<StaffTexts> s, CancellationToken ct)
    {
        if (await StaffIssueApi.FormProblemAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }

        var store = issuance.Store;
        if (await FindJobAsync(id, store, ct) is null || await store.FindMailAsync(messageId, ct) is not { } message || message.JobId != id)
        {
            return Page(Unknown(), StatusCodes.Status404NotFound);
        }

        if (message.State is not (MailStates.Sent or MailStates.Failed))
        {
            return Page(await ModelAsync(id, 0, store, null, 0, s["Mail.Problem.NotResendable"], ct), StatusCodes.Status409Conflict);
        }

        var typed = http.Request.Form["email"].ToString().Trim();
        string? email = null;
        if (typed.Length > 0)
        {
            if (typed.Length > CoreLimits.MaxEmailLength || !MailboxAddress.TryParse(typed, out _) || message.EmailHash is not { } hash
                || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(issuance.EmailLookupHash(typed)), Encoding.ASCII.GetBytes(hash)))
            {
                return Page(await ModelAsync(id, 0, store, null, 0, s["Mail.Problem.Address"], ct), StatusCodes.Status400BadRequest);
            }

            email = typed;
        }

        if (!await store.RequeueMailAsync(messageId, email, StaffIssueApi.Actor(http), ct))
        {
            return Page(await ModelAsync(id, 0, store, null, 0, s["Mail.Problem.NoAddress"], ct), StatusCodes.Status400BadRequest);
        }

        return TypedResults.Redirect($"/staff/issue/jobs/{id}/mail?done=resent&n=1");
    }

    private static async Task<IResult> ResendFailedAsync(string id, HttpContext http, IAntiforgery antiforgery, CredentialStore store, CancellationToken ct)
    {
        if (await StaffIssueApi.FormProblemAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }

        if (await FindJobAsync(id, store, ct) is null)
        {
            return Page(Unknown(), StatusCodes.Status404NotFound);
        }

        var requeued = await store.RequeueFailedMailAsync(id, StaffIssueApi.Actor(http), ct);
        return TypedResults.Redirect($"/staff/issue/jobs/{id}/mail?done=resentAll&n={requeued}");
    }

    private static async Task<BatchJobStatus?> FindJobAsync(string id, CredentialStore store, CancellationToken ct) =>
        id.Length <= 64 ? await store.GetBatchJobAsync(id, ct) : null;

    private static async Task<JobMailModel> ModelAsync(string id, int page, CredentialStore store, string? done, int doneCount, string? problem,
        CancellationToken ct)
    {
        var counts = await store.CountJobMailAsync(id, ct);
        var messages = await store.ReadJobMailAsync(id, page * HostLimits.MailPageSize, HostLimits.MailPageSize + 1, ct);
        var kept = (await store.ReadJobContactLanguagesAsync(id, ct)).Count > 0;
        return new JobMailModel(id, counts, [.. messages.Take(HostLimits.MailPageSize)], page, messages.Count > HostLimits.MailPageSize, kept, done, doneCount, problem);
    }

    private static JobMailModel Unknown() => new(null, new MailCounts(0, 0, 0), [], 0, false, false, null, 0, null);

    private static RazorComponentResult<JobMailPage> Page(JobMailModel model, int status) =>
        new(new Dictionary<string, object?> { [nameof(JobMailPage.M)] = model }) { StatusCode = status };
}
