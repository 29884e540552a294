using System.Text.Json;

namespace MicroCredentials.Host.Staff.Work;

/// <summary>
/// An uploaded spreadsheet as text: its header cells and its rows, each row as wide as the header. Row <c>i</c> of
/// <see cref="Rows"/> is spreadsheet row <c>i + 2</c> (the header is row 1), the number staff see in Excel.
/// </summary>
public sealed record SpreadsheetTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The spreadsheet row number of data row <paramref name="index"/>.</summary>
    public static int RowNumber(int index) => index + 2;

    /// <summary>The table as JSON (carried in the dry-run form between checks).</summary>
    public string ToJson() => JsonSerializer.Serialize(new[] { Header }.Concat(Rows));

    /// <summary>A table read back from <see cref="ToJson"/>; null when the text is not one (within the spreadsheet bounds).</summary>
    public static SpreadsheetTable? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        string[][]? all;
        try
        {
            all = JsonSerializer.Deserialize<string[][]>(json, new JsonSerializerOptions { MaxDepth = 3 });
        }
        catch (JsonException)
        {
            return null;
        }

        if (all is not { Length: > 0 } || all.Length > HostLimits.SpreadsheetMaxRows + 1 || all.Any(r => r is null)
            || all[0].Length > HostLimits.SpreadsheetMaxColumns || all.Any(r => r.Length != all[0].Length || r.Any(c => c is null || c.Length > HostLimits.SpreadsheetMaxCellChars)))
        {
            return null;
        }

        return new SpreadsheetTable(all[0], all[1..]);
    }

    /// <summary>This table with cell (<paramref name="row"/>, <paramref name="column"/>) replaced.</summary>
    public SpreadsheetTable WithCell(int row, int column, string value)
    {
        var rows = Rows.ToArray();
        var changed = rows[row].ToArray();
        changed[column] = value;
        rows[row] = changed;
        return this with { Rows = rows };
    }
}
