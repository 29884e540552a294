using System.Text;
using MicroCredentials.Catalog;

namespace MicroCredentials.Host.Staff.Work;

internal static partial class SpreadsheetReader
{
    private static readonly char[] Separators = [';', ',', '\t', '|'];

    private static SpreadsheetRead ReadCsv(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return SpreadsheetRead.Problem("Issue.Problem.Utf16");
        }

        var body = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            // Bytes that are not UTF-8 in a text file: Excel's "CSV (comma delimited)" writes Windows-1252.
            return SpreadsheetRead.Problem("Issue.Problem.NotUtf8");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return SpreadsheetRead.Problem("Issue.Problem.NotText");
        }

        var tokenizer = new CsvTokenizer(DetectSeparator(text));
        var records = new List<List<string>>();
        foreach (var c in text)
        {
            if (tokenizer.Push(c) is { } record)
            {
                if (Add(record) is { } problem)
                {
                    return problem;
                }
            }
            else if (tokenizer.FieldChars > HostLimits.SpreadsheetMaxCellChars)
            {
                return SpreadsheetRead.Problem("Issue.Problem.CellTooLong", records.Count + 1, tokenizer.CompleteFields + 1, HostLimits.SpreadsheetMaxCellChars);
            }
        }

        if (tokenizer.End() is { } last && Add(last) is { } lastProblem)
        {
            return lastProblem;
        }

        return Shape(records);

        // Checks each cell of a finished record and keeps it, or says why the file stops here.
        SpreadsheetRead? Add(CsvRecord record)
        {
            for (var column = 0; column < record.Fields.Count; column++)
            {
                if (CellProblem(records.Count + 1, column, record.Fields[column]) is { } problem)
                {
                    return problem;
                }
            }

            records.Add(record.Fields);
            return records.Count > HostLimits.SpreadsheetMaxRows + 1
                ? SpreadsheetRead.Problem("Issue.Problem.TooManyRows", HostLimits.SpreadsheetMaxRows)
                : null;
        }
    }

    // The separator is the one of ; , tab | that the header line holds most often (outside quotes); a single column has none.
    private static char DetectSeparator(string text)
    {
        var counts = new int[Separators.Length];
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c is '\r' or '\n')
            {
                break;
            }
            else if (!inQuotes && Array.IndexOf(Separators, c) is var i and >= 0)
            {
                counts[i]++;
            }
        }

        var best = Array.IndexOf(counts, counts.Max());
        return counts[best] == 0 ? ';' : Separators[best];
    }
}
