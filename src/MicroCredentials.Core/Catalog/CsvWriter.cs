using System.Text;

namespace MicroCredentials.Catalog;

/// <summary>
/// Writes every CSV we hand out (the links CSV of the API and the CLI): <c>;</c>-separated (Excel in Belgium), RFC
/// 4180 quoting, and every cell neutralised against CSV injection (OWASP): a cell starting with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, tab, CR or LF gets a leading <c>'</c>, so a spreadsheet shows it as text instead of running it
/// as a formula.
/// </summary>
public static class CsvWriter
{
    /// <summary>The separator.</summary>
    public const char Separator = ';';

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', '\n'];

    private static readonly char[] NeedQuotes = [Separator, ',', '"', '\r', '\n', '\t'];

    /// <summary>Builds a whole CSV document: the header line, then one line per row, each ending in <c>\n</c>.</summary>
    /// <param name="header">Column names.</param>
    /// <param name="rows">The rows' cells, in header order (null cells are empty).</param>
    public static string Document(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        AppendLine(sb, header);
        foreach (var row in rows)
        {
            AppendLine(sb, row);
        }

        return sb.ToString();
    }

    /// <summary>One cell: neutralised when it could start a formula, quoted when it holds a separator, quote or line break.</summary>
    /// <param name="value">The value (null is empty).</param>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;
        return text.IndexOfAny(NeedQuotes) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void AppendLine(StringBuilder sb, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(Separator);
            }

            sb.Append(Cell(cells[i]));
        }

        sb.Append('\n');
    }
}
