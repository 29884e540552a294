using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;

namespace MicroCredentials.Host.Staff.Work;

/// <summary>
/// An uploaded spreadsheet with its column mapping: checked by the same learners reader as the CLI and the batch API
/// (one set of rules), and reported as the dry-run grid. Data row <c>i</c> is line <c>i + 2</c> of the text the
/// reader gets, so every reason lands on the spreadsheet row and column it is about.
/// </summary>
public sealed record IssueDraft(string FileName, SpreadsheetTable Table, IReadOnlyList<string> Mapping)
{
    /// <summary>Checks every row against the catalogue (the mapping must hold every required field).</summary>
    public LearnerCsvResult Parse(MicroCredentialCatalog catalog, DateOnly today) =>
        LearnerCsvReader.Read(ToLearnersCsv(), FileName, catalog, today);

    /// <summary>The grid: every data row with what issuing it would do and its problems by column.</summary>
    /// <param name="csv">What <see cref="Parse"/> gave.</param>
    /// <param name="results">The dry run of <paramref name="csv"/> (new or already issued, by line).</param>
    public IReadOnlyList<DryRunRow> Grid(LearnerCsvResult csv, IReadOnlyList<IssueResult> results)
    {
        var errors = csv.Errors.ToLookup(e => e.Line);
        var outcomes = results.Where(r => r.Line is not null).ToDictionary(r => r.Line!.Value);
        var grid = new List<DryRunRow>(Table.Rows.Count);
        for (var i = 0; i < Table.Rows.Count; i++)
        {
            var cells = Table.Rows[i];
            var line = SpreadsheetTable.RowNumber(i);
            if (errors[line].Any())
            {
                var byColumn = new Dictionary<int, string>();
                var other = new List<string>();
                foreach (var error in errors[line])
                {
                    var column = IndexOf(error.Field);
                    if (column < 0)
                    {
                        other.Add(error.Message);
                    }
                    else
                    {
                        byColumn[column] = byColumn.TryGetValue(column, out var before) ? before + " " + error.Message : error.Message;
                    }
                }

                grid.Add(new DryRunRow(i, cells, DryRunStatus.Invalid, byColumn, other.Count == 0 ? null : string.Join(" ", other), null));
            }
            else if (outcomes.TryGetValue(line, out var outcome))
            {
                var status = outcome.Outcome == IssueOutcome.AlreadyIssued ? DryRunStatus.AlreadyIssued : DryRunStatus.New;
                grid.Add(new DryRunRow(i, cells, status, new Dictionary<int, string>(), null, outcome.VerificationUrl));
            }
            else
            {
                grid.Add(new DryRunRow(i, cells, DryRunStatus.Empty, new Dictionary<int, string>(), null, null));
            }
        }

        return grid;
    }

    private int IndexOf(string field)
    {
        for (var i = 0; i < Mapping.Count; i++)
        {
            if (Mapping[i] == field)
            {
                return i;
            }
        }

        return -1;
    }

    // The learners CSV the reader takes: a header of the mapped fields (first column per field), one line per data row.
    // Line breaks inside cells become spaces, so line numbers stay row numbers (no name or date holds one legitimately).
    private string ToLearnersCsv()
    {
        var columns = ColumnMapping.Fields.Select(IndexOf).Where(i => i >= 0).ToList();
        var text = new System.Text.StringBuilder();
        text.AppendJoin(';', columns.Select(i => Mapping[i])).Append('\n');
        foreach (var row in Table.Rows)
        {
            text.AppendJoin(';', columns.Select(i => Quote(row[i]))).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string cell)
    {
        var flat = cell.ReplaceLineEndings(" ");
        return "\"" + flat.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
