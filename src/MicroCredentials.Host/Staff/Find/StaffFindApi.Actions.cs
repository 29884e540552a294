using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Apis;
using MicroCredentials.Host.Components;
using MicroCredentials.Host.Components.Staff;
using MicroCredentials.Host.Components.Staff.Find;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace MicroCredentials.Host.Staff.Find;

internal static partial class StaffFindApi
{
    private const string Confirmed = "yes";

    private static async Task<IResult> StatusFormAsync(string handle, FindAction action, HttpContext http, CancellationToken ct)
    {
        var (issuance, catalog, _) = Services(http);
        return await FindAsync(issuance, handle, ct) is { } stored
            ? ActionResult(ActionModel(action, stored, catalog))
            : Missing();
    }

    // Step 1 (no confirm): check the reason and show exactly what will happen. Step 2 (confirm=yes): do it and go back to the credential.
    private static async Task<IResult> StatusChangeAsync(string handle, FindAction action, HttpContext http, CancellationToken ct)
    {
        var (issuance, catalog, s) = Services(http);
        if (await FindAsync(issuance, handle, ct) is not { } stored)
        {
            return Missing();
        }

        var model = ActionModel(action, stored, catalog);
        if (model.NotApplicable)
        {
            return ActionResult(model);
        }

        var form = await http.Request.ReadFormAsync(ct);
        var reason = form["reason"].ToString().Trim();
        if (ReasonError(reason, s) is { } error)
        {
            return ActionResult(model with { Reason = reason, Error = error }, StatusCodes.Status400BadRequest);
        }

        if (form["confirm"] != Confirmed)
        {
            return ActionResult(model with { Reason = reason, Confirming = true });
        }

        var actor = http.User.StaffActor();
        var outcome = action switch
        {
            FindAction.Revoke => await issuance.RevokeAsync(stored.Id, reason, actor, CancellationToken.None),
            FindAction.Suspend => await issuance.SuspendAsync(stored.Id, reason, actor, CancellationToken.None),
            _ => await issuance.UnsuspendAsync(stored.Id, reason, actor, CancellationToken.None),
        };
        return outcome switch
        {
            StatusChangeOutcome.Changed or StatusChangeOutcome.Unchanged => Results.Redirect(CredentialPath(stored.Handle) + "?done=" + action.Segment()),
            StatusChangeOutcome.NotFound => Missing(),
            _ => ActionResult(model with { NotApplicable = true }, StatusCodes.Status409Conflict),
        };
    }

    private static async Task<IResult> ReissueFormAsync(string handle, HttpContext http, CancellationToken ct)
    {
        var (issuance, catalog, _) = Services(http);
        if (await FindAsync(issuance, handle, ct) is not { } stored)
        {
            return Missing();
        }

        var facts = IssuanceApi.CredentialFacts.From(stored);
        return ActionResult(ActionModel(FindAction.Reissue, stored, catalog) with { Name = facts.Name, Grade = facts.Grade, CurrentGrade = facts.Grade });
    }

    // The correction is checked by the CSV reader's rules (the same row the API and CLI build), then by the service itself.
    private static async Task<IResult> ReissueAsync(string handle, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var (issuance, catalog, s) = Services(http);
        if (await FindAsync(issuance, handle, ct) is not { } stored)
        {
            return Missing();
        }

        var facts = IssuanceApi.CredentialFacts.From(stored);
        var model = ActionModel(FindAction.Reissue, stored, catalog) with { CurrentGrade = facts.Grade };
        if (model.NotApplicable)
        {
            return ActionResult(model);
        }

        var form = await http.Request.ReadFormAsync(ct);
        model = model with
        {
            Reason = form["reason"].ToString().Trim(),
            Email = form["email"].ToString().Trim(),
            Name = form["name"].ToString().Trim(),
            Grade = form["grade"].ToString().Trim(),
        };
        if (await ReissueErrorAsync(model, stored, facts, issuance, catalog, time, s, ct) is { } problem)
        {
            return ActionResult(model with { Error = problem }, StatusCodes.Status400BadRequest);
        }

        if (form["confirm"] != Confirmed)
        {
            return ActionResult(model with { Confirming = true });
        }

        var row = CorrectedRow(model, facts, catalog, time)!;
        var result = await issuance.ReissueAsync(catalog, stored.Id, row, http.User.StaffActor(), emailCorrection: null, model.Reason, CancellationToken.None);
        return result.Outcome == IssueOutcome.Issued
            ? Results.Redirect(CredentialPath(result.Credential!.Handle) + "?done=" + FindAction.Reissue.Segment())
            : ActionResult(model with { Error = s["Find.Reissue.Refused", result.Reason ?? string.Empty] }, StatusCodes.Status409Conflict);
    }

    private static async Task<string?> ReissueErrorAsync(ActionPageModel model, StoredCredential stored, IssuanceApi.CredentialFacts facts,
        IssuanceService issuance, MicroCredentialCatalog catalog, TimeProvider time, IStringLocalizer<StaffTexts> s, CancellationToken ct)
    {
        if (ReasonError(model.Reason!, s) is { } reasonError)
        {
            return reasonError;
        }

        if (model.Email is not { Length: > 0 and <= CoreLimits.MaxEmailLength } email || !email.Contains('@', StringComparison.Ordinal))
        {
            return s["Find.Reissue.EmailRequired"];
        }

        // Only the lookup hash is stored: the address typed must be the learner's (an address correction goes through the API or CLI).
        if (stored.LearnerId is { } learnerId && await issuance.Store.GetLearnerAsync(learnerId, ct) is { } learner
            && learner.EmailHash != issuance.EmailLookupHash(email))
        {
            return s["Find.Reissue.EmailDiffers"];
        }

        if (model.Name == facts.Name && model.Grade == facts.Grade)
        {
            return s["Find.Reissue.NoChange"];
        }

        var csv = LearnerCsvReader.Read(RowText(model, facts), "correction", catalog, AwardDates.Today(time));
        return csv.Errors.Count > 0 ? s["Find.Reissue.Invalid", string.Join("; ", csv.Errors.Select(e => $"{e.Field}: {e.Message}"))].Value : null;
    }

    private static LearnerRow? CorrectedRow(ActionPageModel model, IssuanceApi.CredentialFacts facts, MicroCredentialCatalog catalog, TimeProvider time) =>
        LearnerCsvReader.Read(RowText(model, facts), "correction", catalog, AwardDates.Today(time)).Rows.FirstOrDefault();

    private static string RowText(ActionPageModel model, IssuanceApi.CredentialFacts facts) =>
        IssuanceApi.RowCsv(model.Email, model.Name, facts.Code, facts.Awarded, model.Grade, facts.Start, facts.End);

    private static string? ReasonError(string reason, IStringLocalizer<StaffTexts> s) =>
        reason.Length == 0 ? s["Find.Action.ReasonRequired"].Value
        : reason.Length > HostLimits.FindReasonMaxLength ? s["Find.Action.ReasonTooLong", HostLimits.FindReasonMaxLength].Value
        : null;

    private static ActionPageModel ActionModel(FindAction action, StoredCredential stored, MicroCredentialCatalog catalog) => new()
    {
        Action = action,
        Credential = stored,
        Title = catalog.TitleOf(stored.AchievementId, PageCulture.Current),
        NotApplicable = !action.AppliesTo(stored.State),
    };

    private static RazorComponentResult<ActionPage> ActionResult(ActionPageModel model, int status = StatusCodes.Status200OK) =>
        new(new Dictionary<string, object?> { [nameof(ActionPage.Model)] = model })
        {
            StatusCode = model.NotApplicable && status == StatusCodes.Status200OK ? StatusCodes.Status409Conflict : status,
        };

    private static (IssuanceService Issuance, MicroCredentialCatalog Catalog, IStringLocalizer<StaffTexts> Texts) Services(HttpContext http) =>
        (http.RequestServices.GetRequiredService<IssuanceService>(), http.RequestServices.GetRequiredService<MicroCredentialCatalog>(),
            http.RequestServices.GetRequiredService<IStringLocalizer<StaffTexts>>());
}
