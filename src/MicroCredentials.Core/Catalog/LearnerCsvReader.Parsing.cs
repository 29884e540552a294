namespace MicroCredentials.Catalog;

public static partial class LearnerCsvReader
{
    // The separators a learners file may use; the one its header line holds most often wins (';' when none).
    private static readonly char[] LearnerSeparators = [';', ',', '\t'];

    /// <summary>Splits CSV text into records (<see cref="CsvTokenizer"/>; separator detected from the first line).</summary>
    private static List<(int Line, List<string> Fields)> ParseRecords(string text)
    {
        var firstLineEnd = text.AsSpan().IndexOfAny('\r', '\n');
        var tokenizer = new CsvTokenizer(CsvTokenizer.DetectSeparator(firstLineEnd < 0 ? text : text.AsSpan(0, firstLineEnd), LearnerSeparators));
        var records = new List<(int, List<string>)>();
        foreach (var c in text)
        {
            if (tokenizer.Push(c) is { } record)
            {
                records.Add((record.Line, record.Fields));
            }
        }

        if (tokenizer.End() is { } last)
        {
            records.Add((last.Line, last.Fields));
        }

        return records;
    }
}
