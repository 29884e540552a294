using MicroCredentials.Catalog;
using MicroCredentials.Issuance;

namespace MicroCredentials.Data.Issuance;

public sealed partial class IssuanceService
{
    /// <summary>
    /// Issues every good row of a learners CSV and reports every row: issued, already issued, or rejected with its
    /// reason (CSV errors included). With <paramref name="dryRun"/> nothing is written and new rows report
    /// <see cref="IssueOutcome.WouldIssue"/>. A rerun after a crash issues only what is missing.
    /// </summary>
    /// <param name="catalog">The catalogue.</param>
    /// <param name="csv">The parsed CSV (good rows and row errors).</param>
    /// <param name="actor">Who issues.</param>
    /// <param name="dryRun">Only report what would happen.</param>
    /// <param name="progress">Called after each row (for progress bars).</param>
    /// <param name="cancellationToken">Stops between rows; what was issued stays issued.</param>
    public async Task<IReadOnlyList<IssueResult>> IssueBatchAsync(MicroCredentialCatalog catalog, LearnerCsvResult csv, string actor,
        bool dryRun, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(csv);
        var results = new List<IssueResult>(csv.Rows.Count + csv.Errors.Count);
        results.AddRange(csv.Errors.GroupBy(e => e.Line).Select(g => new IssueResult
        {
            Outcome = IssueOutcome.Rejected,
            Line = g.Key,
            Reason = string.Join("; ", g.Select(e => $"{e.Field}: {e.Message}")),
        }));

        var done = 0;
        foreach (var row in csv.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(dryRun ? await PreviewAsync(row, cancellationToken) : await IssueAsync(catalog, row, actor, cancellationToken));
            progress?.Report(++done);
        }

        return results.OrderBy(r => r.Line ?? 0).ToList();
    }

    private async Task<IssueResult> PreviewAsync(LearnerRow row, CancellationToken cancellationToken)
    {
        var existing = await _store.FindByIdempotencyKeyAsync(IdempotencyKey.For(row), cancellationToken);
        return existing is null
            ? new IssueResult { Outcome = IssueOutcome.WouldIssue, Line = row.Line, LearnerName = row.Name, Code = row.Code }
            : Done(IssueOutcome.AlreadyIssued, row, await LiveAsync(existing, cancellationToken));
    }
}
