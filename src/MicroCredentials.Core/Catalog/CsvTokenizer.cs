using System.Text;

namespace MicroCredentials.Catalog;

/// <summary>
/// The one CSV tokenizer (RFC 4180 quoting) behind every CSV we read — the learners file of the CLI and the API, and the
/// staff app's spreadsheets: characters are pushed in one at a time and each record comes out whole, so a caller that
/// reads a string, a stream or an upload applies its own bounds between characters. A field that starts with a quote
/// is quoted (<c>""</c> inside it is one quote, separators and line breaks are text); a quote elsewhere is text. A
/// record ends at CR, LF or CRLF outside quotes.
/// </summary>
public sealed class CsvTokenizer
{
    private readonly char separator;
    private readonly StringBuilder text = new();
    private List<string> fields = [];
    private State state;
    private bool started;

    /// <summary>A tokenizer for fields separated by <paramref name="separator"/>.</summary>
    public CsvTokenizer(char separator) => this.separator = separator;

    private enum State
    {
        Unquoted,
        Quoted,
        QuoteInQuoted,
        AfterCarriageReturn,
    }

    /// <summary>The line the next character is on (1-based; line breaks inside quoted fields count).</summary>
    public int Line { get; private set; } = 1;

    /// <summary>The line the record being read started on.</summary>
    public int RecordLine { get; private set; } = 1;

    /// <summary>Characters pushed for the record being read so far (its line break included once it ends).</summary>
    public int RecordChars { get; private set; }

    /// <summary>Characters in the field being read so far.</summary>
    public int FieldChars => text.Length;

    /// <summary>Fields of the record being read that are complete.</summary>
    public int CompleteFields => fields.Count;

    /// <summary>The separator the first line holds most often of <paramref name="candidates"/> (the first one when none).</summary>
    public static char DetectSeparator(ReadOnlySpan<char> firstLine, ReadOnlySpan<char> candidates)
    {
        var best = candidates[0];
        var bestCount = -1;
        foreach (var candidate in candidates)
        {
            var count = firstLine.Count(candidate);
            if (count > bestCount)
            {
                (best, bestCount) = (candidate, count);
            }
        }

        return best;
    }

    /// <summary>Pushes the next character; returns the record it ends, else <see langword="null"/>.</summary>
    public CsvRecord? Push(char c)
    {
        if (state == State.AfterCarriageReturn)
        {
            state = State.Unquoted;
            if (c == '\n')
            {
                return null; // the LF of a CRLF: the record ended at its CR
            }
        }

        if (!started)
        {
            started = true;
            RecordLine = Line;
            RecordChars = 0;
        }

        RecordChars++;
        switch (state)
        {
            case State.Quoted:
                if (c == '"')
                {
                    state = State.QuoteInQuoted;
                }
                else
                {
                    if (c == '\n')
                    {
                        Line++;
                    }

                    text.Append(c);
                }

                return null;
            case State.QuoteInQuoted when c == '"':
                text.Append('"');
                state = State.Quoted;
                return null;
            case State.QuoteInQuoted:
                state = State.Unquoted; // the quote closed the field; c is read as outside quotes
                break;
        }

        if (c == '"' && text.Length == 0)
        {
            state = State.Quoted;
        }
        else if (c == separator)
        {
            fields.Add(text.ToString());
            text.Clear();
        }
        else if (c is '\r' or '\n')
        {
            var record = EndRecord();
            Line++;
            if (c == '\r')
            {
                state = State.AfterCarriageReturn;
            }

            return record;
        }
        else
        {
            text.Append(c);
        }

        return null;
    }

    /// <summary>The last record when the input ends, or <see langword="null"/> when no character of one was pushed.</summary>
    public CsvRecord? End()
    {
        if (!started)
        {
            return null;
        }

        state = State.Unquoted;
        return EndRecord();
    }

    private CsvRecord EndRecord()
    {
        fields.Add(text.ToString());
        text.Clear();
        var record = new CsvRecord(RecordLine, fields);
        fields = [];
        started = false;
        return record;
    }
}

/// <summary>One CSV record: the line it starts on and its fields.</summary>
/// <param name="Line">The 1-based line the record starts on.</param>
/// <param name="Fields">Its fields, in order.</param>
public readonly record struct CsvRecord(int Line, List<string> Fields);
