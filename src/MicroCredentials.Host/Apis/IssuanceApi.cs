using System.Globalization;
using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MicroCredentials.Host.Apis;

/// <summary>
/// The academy staff's API (API key): issue one, issue a CSV batch (with dry run), list and fetch, revoke, suspend,
/// unsuspend, re-issue. Every change is audit-logged with the key's name.
/// </summary>
internal static partial class IssuanceApi
{
    public static void MapIssuance(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Issuance").DisableAntiforgery();
        api.MapPost("/credentials", IssueOneAsync).RequireApiKey(ApiKeyRole.Issuer)
            .WithSummary("Issue one credential; returns the graduate's download link. Idempotent per learner, micro-credential and award date.");
        MapBatches(api);
        api.MapGet("/credentials", ListAsync).RequireApiKey(ApiKeyRole.Issuer).WithSummary("List issued credentials (newest first).");
        api.MapGet("/credentials/{id}", GetAsync).RequireApiKey(ApiKeyRole.Issuer).WithSummary("One issued credential by id, handle or short code.");
        api.MapPost("/credentials/{id}/revoke", (string id, StatusChangeRequest body, HttpContext http, IssuanceService s, CancellationToken ct) =>
            ChangeStatusAsync(id, body, http, s, (cid, r, a) => s.RevokeAsync(cid, r, a, ct), requireReason: true, ct)).RequireApiKey(ApiKeyRole.Administrator)
            .WithSummary("Revoke (irreversible).");
        api.MapPost("/credentials/{id}/suspend", (string id, StatusChangeRequest body, HttpContext http, IssuanceService s, CancellationToken ct) =>
            ChangeStatusAsync(id, body, http, s, (cid, r, a) => s.SuspendAsync(cid, r, a, ct), requireReason: true, ct)).RequireApiKey(ApiKeyRole.Administrator)
            .WithSummary("Suspend (reversible).");
        api.MapPost("/credentials/{id}/unsuspend", (string id, StatusChangeRequest body, HttpContext http, IssuanceService s, CancellationToken ct) =>
            ChangeStatusAsync(id, body, http, s, (cid, r, a) => s.UnsuspendAsync(cid, r, a, ct), requireReason: false, ct)).RequireApiKey(ApiKeyRole.Administrator)
            .WithSummary("Lift a suspension (the reason is optional: send {}).");
        api.MapPost("/credentials/{id}/reissue", ReissueAsync).RequireApiKey(ApiKeyRole.Administrator)
            .WithSummary("Correct a name or grade: issues a new credential and revokes the old one, which then shows 'superseded'. "
                + "A different e-mail needs \"emailCorrection\": true and a \"reason\" (audit-logged).");
    }

    private static async Task<Results<Created<IssuedResponse>, Ok<IssuedResponse>, ValidationProblem>> IssueOneAsync(
        IssueRequest request, HttpContext http, IssuanceService issuance, MicroCredentialCatalog catalog, TimeProvider time, CancellationToken ct)
    {
        var csv = LearnerCsvReader.Read(request.ToCsv(), "request", catalog, AwardDates.Today(time));
        if (csv.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(csv.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        if (csv.Rows.Count == 0)
        {
            // Every field blank (e.g. {}): the reader skips such a row as an empty line.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = ["Required."], ["name"] = ["Required."], ["code"] = ["Required."], ["awarded"] = ["Required: the exam board's date, e.g. 2026-02-06."],
            });
        }

        var result = await issuance.IssueAsync(catalog, csv.Rows[0], http.Actor(), ct);
        if (result.Outcome == IssueOutcome.Rejected)
        {
            return TypedResults.ValidationProblem(ReasonByField(result.Reason));
        }

        var response = IssuedResponse.From(result);
        return result.Outcome == IssueOutcome.Issued
            ? TypedResults.Created($"/api/credentials/{Uri.EscapeDataString(response.Id!)}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<Ok<List<StoredSummary>>> ListAsync(int? skip, int? take, CredentialStore store, CancellationToken ct)
    {
        var list = await store.ListCredentialsAsync(Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, 500), ct);
        return TypedResults.Ok(list.Select(StoredSummary.From).ToList());
    }

    private static async Task<Results<Ok<StoredDetail>, ProblemHttpResult>> GetAsync(string id, IssuanceService issuance, CancellationToken ct)
    {
        var stored = await issuance.FindAsync(id, ct);
        return stored is null ? NotFound(id) : TypedResults.Ok(StoredDetail.From(stored, issuance));
    }

    private static async Task<IResult> ChangeStatusAsync(string id, StatusChangeRequest body, HttpContext http, IssuanceService issuance,
        Func<string, string, string, Task<StatusChangeOutcome>> change, bool requireReason, CancellationToken ct)
    {
        if (requireReason && string.IsNullOrWhiteSpace(body.Reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Give a reason; it is kept in the audit log."] });
        }

        var stored = await issuance.FindAsync(id, ct);
        if (stored is null)
        {
            return NotFound(id);
        }

        var outcome = await change(stored.Id, body.Reason?.Trim() ?? string.Empty, http.Actor());
        return outcome switch
        {
            StatusChangeOutcome.Changed or StatusChangeOutcome.Unchanged => TypedResults.Ok(new { id = stored.Id, outcome = outcome.ToString().ToLowerInvariant() }),
            StatusChangeOutcome.AlreadyRevoked => TypedResults.Problem(title: "Already revoked", detail: "Revocation cannot be undone.", statusCode: 409),
            _ => NotFound(id),
        };
    }

    private static async Task<IResult> ReissueAsync(string id, ReissueRequest body, HttpContext http, IssuanceService issuance,
        MicroCredentialCatalog catalog, TimeProvider time, CancellationToken ct)
    {
        var stored = await issuance.FindAsync(id, ct);
        if (stored is null)
        {
            return NotFound(id);
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Email))
        {
            errors["email"] = ["The learner's e-mail is needed again: only its salted hash is stored."];
        }

        if (body.EmailCorrection == true && string.IsNullOrWhiteSpace(body.Reason))
        {
            errors["reason"] = ["An e-mail correction needs a reason; it is kept in the audit log."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var old = CredentialFacts.From(stored);
        var row = RowCsv(body.Email, body.Name ?? old.Name, old.Code, old.Awarded, body.Grade ?? old.Grade, old.Start, old.End);
        var csv = LearnerCsvReader.Read(row, "request", catalog, AwardDates.Today(time));
        if (csv.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(csv.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        var correction = body.EmailCorrection == true ? new EmailCorrection(body.Reason!) : null;
        var result = await issuance.ReissueAsync(catalog, stored.Id, csv.Rows[0], http.Actor(), correction, ct);
        return result.Outcome == IssueOutcome.Rejected
            ? TypedResults.Problem(title: "Cannot re-issue", detail: result.Reason, statusCode: 409)
            : TypedResults.Created($"/api/credentials/{Uri.EscapeDataString(result.Credential!.Id)}", IssuedResponse.From(result));
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(title: "Unknown credential", detail: $"No credential has id, handle or code '{id}'.", statusCode: 404);

    private static bool IsCsvOrForm(HttpRequest request) =>
        request.HasFormContentType
        || (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && (type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A service rejection "field: reason" as validation errors under its field.</summary>
    private static Dictionary<string, string[]> ReasonByField(string? reason)
    {
        var text = reason ?? "rejected";
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && text[..colon].All(char.IsAsciiLetterLower)
            ? new() { [text[..colon]] = [text[(colon + 2)..]] }
            : new() { ["request"] = [text] };
    }
}
