namespace MicroCredentials.Host.Staff.Work;

/// <summary>
/// Reads an uploaded learners spreadsheet into a <see cref="SpreadsheetTable"/>: an Excel <c>.xlsx</c> workbook (its
/// first sheet) or a CSV file in UTF-8 (with or without BOM) with any of the usual separators. Windows-1252 text, UTF-16
/// and old <c>.xls</c> files are refused with what to do instead. Every size is bounded (<see cref="HostLimits"/>).
/// </summary>
internal static partial class SpreadsheetReader
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0];

    /// <summary>Reads the file's bytes; the kind is told from its content, not its name.</summary>
    /// <param name="bytes">The uploaded file (at most <see cref="HostLimits.SpreadsheetMaxBytes"/>).</param>
    public static SpreadsheetRead Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return SpreadsheetRead.Problem("Issue.Problem.Empty");
        }

        if (bytes.Length > HostLimits.SpreadsheetMaxBytes)
        {
            return SpreadsheetRead.Problem("Issue.Problem.TooLarge", HostLimits.SpreadsheetMaxBytes / 1024 / 1024);
        }

        if (bytes.StartsWith(ZipMagic))
        {
            return ReadXlsx(bytes.ToArray());
        }

        return bytes.StartsWith(OleMagic) ? SpreadsheetRead.Problem("Issue.Problem.Xls") : ReadCsv(bytes);
    }

    // Rows as wide as the header (its last non-empty cell), trailing empty rows dropped; null when a bound is passed.
    private static SpreadsheetRead Shape(List<List<string>> records)
    {
        while (records.Count > 0 && records[^1].All(string.IsNullOrWhiteSpace))
        {
            records.RemoveAt(records.Count - 1);
        }

        if (records.Count == 0)
        {
            return SpreadsheetRead.Problem("Issue.Problem.Empty");
        }

        if (records.Count - 1 > HostLimits.SpreadsheetMaxRows)
        {
            return SpreadsheetRead.Problem("Issue.Problem.TooManyRows", HostLimits.SpreadsheetMaxRows);
        }

        var header = records[0];
        var width = header.FindLastIndex(h => !string.IsNullOrWhiteSpace(h)) + 1;
        if (width == 0)
        {
            return SpreadsheetRead.Problem("Issue.Problem.NoHeader");
        }

        var rows = records.Skip(1).Select(r => (IReadOnlyList<string>)[.. Enumerable.Range(0, width).Select(i => i < r.Count ? r[i].Trim() : string.Empty)]).ToList();
        return SpreadsheetRead.Of(new SpreadsheetTable([.. header.Take(width).Select(h => h.Trim())], rows));
    }

    private static SpreadsheetRead? CellProblem(int row, int column, string value) =>
        value.Length > HostLimits.SpreadsheetMaxCellChars
            ? SpreadsheetRead.Problem("Issue.Problem.CellTooLong", row, column + 1, HostLimits.SpreadsheetMaxCellChars)
            : column >= HostLimits.SpreadsheetMaxColumns && value.Length > 0
                ? SpreadsheetRead.Problem("Issue.Problem.TooManyColumns", HostLimits.SpreadsheetMaxColumns)
                : null;
}
