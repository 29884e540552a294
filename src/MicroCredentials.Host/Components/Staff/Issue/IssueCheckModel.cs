using MicroCredentials.Host.Staff.Work;

namespace MicroCredentials.Host.Components.Staff.Issue;

/// <summary>What the dry-run page shows: the draft, its grid (null while a required field has no column), and a note.</summary>
/// <param name="Draft">The spreadsheet and its mapping.</param>
/// <param name="Grid">Every row with what issuing would do; null when <paramref name="Missing"/> is not empty.</param>
/// <param name="Missing">Required fields no column is mapped to.</param>
/// <param name="Message">A note above the grid (already translated), if any.</param>
public sealed record IssueCheckModel(IssueDraft Draft, IReadOnlyList<DryRunRow>? Grid, IReadOnlyList<string> Missing, string? Message)
{
    /// <summary>Rows of a status.</summary>
    public int Count(DryRunStatus status) => Grid?.Count(r => r.Status == status) ?? 0;
}
