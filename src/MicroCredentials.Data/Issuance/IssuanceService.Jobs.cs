using MicroCredentials.Catalog;
using MicroCredentials.Data.Jobs;
using MicroCredentials.Issuance;

namespace MicroCredentials.Data.Issuance;

public sealed partial class IssuanceService
{
    /// <summary>
    /// Builds and signs the credential of one claimed job row (pure CPU work, safe to run in parallel), or says why it
    /// is rejected or already issued. Nothing is written here.
    /// </summary>
    internal JobRowOutcome PrepareJobRow(MicroCredentialCatalog catalog, ClaimedJobRow claimed, string actor, string? existingCredentialId,
        string? catalogueProblem)
    {
        var learner = claimed.Row;
        if (catalog.Find(learner.Code) is not { } mc)
        {
            return JobRejected(learner, $"code: '{learner.Code}' is not in the catalogue.");
        }

        if (RowProblem(learner) is { } problem)
        {
            return JobRejected(learner, problem);
        }

        if (existingCredentialId is not null)
        {
            return new JobRowOutcome(learner.Line, JobRowStates.AlreadyIssued, null, null, learner.Name, existingCredentialId, null);
        }

        if (catalogueProblem is not null)
        {
            return JobRejected(learner, catalogueProblem);
        }

        var factory = new CredentialFactory(_time, CredentialFactory.BuildIssuer(catalog.Issuer, _keys.IssuerId), _options.PublicBaseUrl)
        {
            IncludeEmailHash = _options.IncludeEmailHash,
        };
        var credential = factory.Create(mc, learner, StatusEntries(claimed.Status), CredentialFactory.NewCredentialId());
        var (json, jwt) = Sign(credential);
        var record = new IssuedCredentialRecord
        {
            Id = credential.Id,
            Handle = CredentialHandles.NewHandle(),
            ShortCode = CredentialHandles.NewShortCode(),
            IdempotencyKey = IdempotencyKey.For(learner),
            AchievementId = credential.CredentialSubject.Achievement.Id,
            CatalogueVersion = mc.Version,
            CredentialJson = json,
            LearnerName = credential.CredentialSubject.LearnerName,
            Jwt = jwt,
            IssuedAt = credential.ValidFrom,
            AwardedAt = credential.AwardedDate,
            Status = claimed.Status,
            DownloadToken = CredentialHandles.DownloadToken(_downloadSecret, credential.Id),
            Actor = actor,
        };
        return new JobRowOutcome(learner.Line, JobRowStates.Issued, record, LearnerEmailHash.Compute(LearnerPepper(), learner.NormalizedEmail),
            learner.Name, null, null);
    }

    /// <summary>Saves the catalogue entry a job's rows use (once per code per run); the problem text when it conflicts, else null.</summary>
    internal async Task<string?> SaveCatalogueForJobAsync(MicroCredentialCatalog catalog, string code, string actor, CancellationToken cancellationToken)
    {
        if (catalog.Find(code) is not { } mc)
        {
            return null; // the row is rejected for its unknown code
        }

        var saved = await _store.SaveCatalogueVersionAsync(mc.Code, mc.Version, System.Text.Json.JsonSerializer.Serialize(mc), actor, cancellationToken);
        return saved == CatalogueSaveOutcome.Conflict
            ? $"code: catalogue entry {mc.Code} version {mc.Version} differs from the one already used to issue credentials; give the changed entry a new version."
            : null;
    }

    /// <summary>
    /// A stored job's results in line order, read from the database a page at a time (a 100,000-row job is never held
    /// in memory): rejected rows with their reasons, issued and already-issued rows with their live credential and links.
    /// Rows not yet done are reported as <see cref="IssueOutcome.WouldIssue"/>.
    /// </summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public async IAsyncEnumerable<IssueResult> ReadBatchResultsAsync(string jobId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int page = 500;
        var after = 0;
        while (true)
        {
            var rows = await _store.ReadBatchJobRowsAsync(jobId, after, page, cancellationToken);
            foreach (var row in rows)
            {
                yield return await ResultOfAsync(row, cancellationToken);
            }

            if (rows.Count < page)
            {
                yield break;
            }

            after = rows[^1].Line;
        }
    }

    private async Task<IssueResult> ResultOfAsync(BatchJobRow row, CancellationToken cancellationToken)
    {
        var outcome = row.State switch
        {
            JobRowStates.Issued => IssueOutcome.Issued,
            JobRowStates.AlreadyIssued => IssueOutcome.AlreadyIssued,
            JobRowStates.Rejected => IssueOutcome.Rejected,
            _ => IssueOutcome.WouldIssue,
        };
        if (row.CredentialId is { } id && await _store.FindByIdAsync(id, cancellationToken) is { } found)
        {
            var live = await LiveAsync(found, cancellationToken);
            return new IssueResult
            {
                Outcome = outcome,
                Line = row.Line,
                LearnerName = row.Name,
                Code = row.Code,
                Credential = live,
                VerificationUrl = _options.VerificationUrl(live.Handle),
                DownloadUrl = DownloadUrlFor(live.Id),
            };
        }

        return new IssueResult { Outcome = outcome, Line = row.Line, LearnerName = row.Name, Code = row.Code, Reason = row.Reason };
    }

    private static JobRowOutcome JobRejected(LearnerRow learner, string reason) =>
        new(learner.Line, JobRowStates.Rejected, null, null, learner.Name, null, reason);
}
