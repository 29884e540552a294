using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace MicroCredentials.Catalog;

public static partial class LearnerCsvReader
{
    /// <summary>
    /// Reads a learners CSV from a stream of text in chunks of at most <paramref name="chunkRows"/> records, checking
    /// each row as <see cref="Read"/> does, so a file of any length is read in memory of one chunk: only the record being
    /// read, the chunk in hand and a 16-byte digest per good row (to report a repeated award) are held.
    /// </summary>
    /// <param name="reader">The CSV text (a UTF-8 byte order mark is skipped).</param>
    /// <param name="fileName">Names the file in errors.</param>
    /// <param name="catalog">The catalogue the codes and grades are checked against.</param>
    /// <param name="today">Today (<see cref="AwardDates.Today"/>).</param>
    /// <param name="chunkRows">Records per chunk (at least 1).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>Each chunk's good rows and rejected rows. A file-level problem (no header, a record longer than
    /// <see cref="CoreLimits.MaxLearnerCsvRecordChars"/>, more than <see cref="CoreLimits.MaxLearnerCsvRows"/> rows) is an
    /// error of its own and ends the reading.</returns>
    public static async IAsyncEnumerable<LearnerCsvResult> ReadChunksAsync(TextReader reader, string fileName, MicroCredentialCatalog catalog,
        DateOnly today, int chunkRows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        var records = new CsvRecordReader(reader);
        var header = await records.NextAsync(cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            yield return Problem(records.Problem is { } p ? new LearnerRowError(fileName, records.Line, "file", p)
                : new LearnerRowError(fileName, 1, "header", "the file is empty; expected a header line such as email;name;code;awarded;grade;start;end."));
            yield break;
        }

        var map = MapHeader(header.Value.Fields);
        var missing = Required.Where(c => !map.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            yield return Problem(new LearnerRowError(fileName, header.Value.Line, "header",
                $"missing column(s) {string.Join(", ", missing)}; the header must name email, name, code and awarded (grade, start and end are optional)."));
            yield break;
        }

        var seen = new Dictionary<UInt128, int>();
        var rows = new List<LearnerRow>();
        var errors = new List<LearnerRowError>();
        var inChunk = 0;
        var count = 0;
        while (await records.NextAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            var (line, fields) = record;
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (++count > CoreLimits.MaxLearnerCsvRows)
            {
                errors.Add(new(fileName, line, "file", $"the file has more than {CoreLimits.MaxLearnerCsvRows:N0} rows; split it into several batches."));
                break;
            }

            inChunk++;
            if (ReadRow(fileName, line, fields, map, catalog, today, errors) is { } row)
            {
                var key = AwardDigest(row);
                if (seen.TryGetValue(key, out var first))
                {
                    errors.Add(new(fileName, line, "email", $"the same learner, micro-credential and award date already appear on line {first}."));
                }
                else
                {
                    seen[key] = line;
                    rows.Add(row);
                }
            }

            if (inChunk >= chunkRows)
            {
                yield return new LearnerCsvResult { Rows = rows, Errors = errors };
                rows = [];
                errors = [];
                inChunk = 0;
            }
        }

        if (records.Problem is { } problem)
        {
            errors.Add(new(fileName, records.Line, "file", problem));
        }

        if (rows.Count > 0 || errors.Count > 0)
        {
            yield return new LearnerCsvResult { Rows = rows, Errors = errors };
        }
    }

    private static LearnerCsvResult Problem(LearnerRowError error) => new() { Errors = [error] };

    // 128 bits of SHA-256 of the award: a repeat is found without keeping the e-mail addresses of earlier rows.
    private static UInt128 AwardDigest(LearnerRow row)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{row.NormalizedEmail}|{row.Code.ToUpperInvariant()}|{row.Awarded:yyyy-MM-dd}"), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    /// <summary>Reads records one at a time from a <see cref="TextReader"/> with <see cref="CsvTokenizer"/>, each bounded by <see cref="CoreLimits.MaxLearnerCsvRecordChars"/>.</summary>
    private sealed class CsvRecordReader(TextReader reader)
    {
        private readonly char[] buffer = new char[16 * 1024];
        private CsvTokenizer? tokenizer;
        private int position;
        private int length;
        private bool ended;

        /// <summary>The line the next record starts on (after an error: the line of the record that failed).</summary>
        public int Line { get; private set; } = 1;

        /// <summary>Why reading stopped early, if it did.</summary>
        public string? Problem { get; private set; }

        public async Task<(int Line, List<string> Fields)?> NextAsync(CancellationToken cancellationToken)
        {
            if (ended)
            {
                return null;
            }

            if (tokenizer is null)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
                if (length > 0 && buffer[0] == '\uFEFF')
                {
                    position = 1;
                }

                var first = buffer.AsSpan(position, length - position);
                var end = first.IndexOfAny('\r', '\n');
                tokenizer = new CsvTokenizer(CsvTokenizer.DetectSeparator(end < 0 ? first : first[..end], LearnerSeparators));
            }

            while (true)
            {
                if (position >= length && !await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    ended = true;
                    Line = tokenizer.Line;
                    return tokenizer.End() is { } last ? (last.Line, last.Fields) : null;
                }

                var record = tokenizer.Push(buffer[position++]);
                if (tokenizer.RecordChars > CoreLimits.MaxLearnerCsvRecordChars)
                {
                    ended = true;
                    Line = tokenizer.RecordLine;
                    Problem = $"the record starting on line {Line} is longer than {CoreLimits.MaxLearnerCsvRecordChars:N0} characters (an unclosed quote?); the rest of the file is not read.";
                    return null;
                }

                if (record is { } done)
                {
                    Line = tokenizer.Line;
                    return (done.Line, done.Fields);
                }
            }
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (position < length)
            {
                return true;
            }

            length = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            position = 0;
            return length > 0;
        }
    }
}
