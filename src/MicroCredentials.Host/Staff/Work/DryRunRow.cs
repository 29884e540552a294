namespace MicroCredentials.Host.Staff.Work;

/// <summary>One learner row of the dry-run grid: its cells, what issuing it would do, and each problem next to its cell.</summary>
/// <param name="Index">The data row's index in the table.</param>
/// <param name="Cells">The row's cells, one per column.</param>
/// <param name="Status">What issuing would do.</param>
/// <param name="CellProblems">Reasons by column index (a field's problem is shown next to the column that holds it).</param>
/// <param name="RowProblem">A reason that belongs to no mapped column, if any.</param>
/// <param name="VerificationUrl">For a row already issued: its credential's verification page.</param>
public sealed record DryRunRow(int Index, IReadOnlyList<string> Cells, DryRunStatus Status, IReadOnlyDictionary<int, string> CellProblems,
    string? RowProblem, string? VerificationUrl)
{
    /// <summary>The row number as the spreadsheet shows it.</summary>
    public int RowNumber => SpreadsheetTable.RowNumber(Index);
}
