using System.Text;

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

        var separator = DetectSeparator(text);
        var records = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == separator || c is '\r' or '\n')
            {
                if (CellProblem(records.Count + 1, fields.Count, field.ToString()) is { } problem)
                {
                    return problem;
                }

                fields.Add(field.ToString());
                field.Clear();
                if (c != separator)
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    records.Add(fields);
                    fields = [];
                    if (records.Count > HostLimits.SpreadsheetMaxRows + 1)
                    {
                        return SpreadsheetRead.Problem("Issue.Problem.TooManyRows", HostLimits.SpreadsheetMaxRows);
                    }
                }

                continue;
            }
            else
            {
                field.Append(c);
            }

            if (field.Length > HostLimits.SpreadsheetMaxCellChars)
            {
                return SpreadsheetRead.Problem("Issue.Problem.CellTooLong", records.Count + 1, fields.Count + 1, HostLimits.SpreadsheetMaxCellChars);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(fields);
        }

        return Shape(records);
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
