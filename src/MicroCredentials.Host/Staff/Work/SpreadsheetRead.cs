namespace MicroCredentials.Host.Staff.Work;

/// <summary>
/// What reading an uploaded spreadsheet gave: the table, or a problem (a <c>StaffTexts</c> key and its arguments) that
/// says what to do about it. An unreadable file is an expected outcome, not an exception (STYLE 3).
/// </summary>
internal sealed record SpreadsheetRead(SpreadsheetTable? Table, string? ProblemKey, IReadOnlyList<object> ProblemArguments)
{
    /// <summary>A table that was read.</summary>
    public static SpreadsheetRead Of(SpreadsheetTable table) => new(table, null, []);

    /// <summary>A file that could not be read, with the text key that explains why.</summary>
    public static SpreadsheetRead Problem(string key, params object[] arguments) => new(null, key, arguments);
}
