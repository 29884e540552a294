namespace MicroCredentials.Host;

/// <summary>Bounds on the spreadsheets staff upload to issue from (STYLE 17).</summary>
internal static partial class HostLimits
{
    /// <summary>Bytes of an uploaded CSV or .xlsx (5 MiB): 10,000 learners take well under 2 MiB.</summary>
    public const int SpreadsheetMaxBytes = 5 * 1024 * 1024;

    /// <summary>Learner rows of one spreadsheet (after the header): an exam board's list, with room for a year's intake.</summary>
    public const int SpreadsheetMaxRows = 10_000;

    /// <summary>Columns of one spreadsheet: eight fields are read; an export with many more is not a learners list.</summary>
    public const int SpreadsheetMaxColumns = 64;

    /// <summary>Characters of one cell: names, addresses and dates are short; a longer cell is refused, not stored.</summary>
    public const int SpreadsheetMaxCellChars = 1_000;

    /// <summary>Entries of an .xlsx zip: a workbook has about a dozen; thousands only cost the reader.</summary>
    public const int XlsxMaxZipEntries = 200;

    /// <summary>Bytes all entries of an .xlsx may inflate to (64 MiB): a zip bomb stops here, a real workbook never gets near.</summary>
    public const long XlsxMaxInflatedBytes = 64L * 1024 * 1024;

    /// <summary>Rows of the dry-run grid given edit fields: each field is a form value (ASP.NET reads at most 1,024 per form).</summary>
    public const int SpreadsheetEditableRows = 100;
}
