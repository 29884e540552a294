using System.Globalization;
using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Core.Tests.Support;

namespace MicroCredentials.Core.Tests.Catalog;

/// <summary><see cref="LearnerCsvReader.ReadChunksAsync"/>: the same verdicts as <see cref="LearnerCsvReader.Read"/>, a chunk at a time, within its bounds.</summary>
public sealed class LearnerCsvReaderStreamingTests
{
    private const string Header = "email;name;code;awarded;grade;start;end\n";

    [TestCase(1, TestName = "Chunks of one record")]
    [TestCase(3, TestName = "Chunks of three records")]
    [TestCase(1000, TestName = "One chunk")]
    public async Task ReadChunks_SamplesAndTrickyShapes_SameRowsAndErrorsAsRead(int chunkRows)
    {
        string[] files =
        [
            await File.ReadAllTextAsync(Samples.LearnersPath),
            await File.ReadAllTextAsync(Samples.BadLearnersPath),
            "\uFEFFe-mail;naam;code;datum;cijfer\r\na@b.be;\"De Smet, Jan\";mc-dsh;2026-02-06;14\r\n",
            "email,name,code,awarded,grade\nA@B.be,\"De \"\"Jan\"\"\nSmet\",MC-DSH,6/02/2026,14\n\n,,,,\nc@d.be,Ann Peeters,MC-DSH,2026-02-06,15",
            Header + "a@b.be;Ann Peeters;MC-DSH;2026-02-06;15;;\nb@b.be;Bo Peeters;MC-DSH;2026-02-06;15;;\nA@B.BE;Ann Again;mc-dsh;2026-02-06;16;;\n",
            "",
            "just;some\ngarbage\"\n;;;",
        ];

        foreach (var text in files)
        {
            var whole = LearnerCsvReader.Read(text, "x.csv", Samples.Catalog(), Samples.Today);
            var rows = new List<LearnerRow>();
            var errors = new List<LearnerRowError>();
            await foreach (var chunk in LearnerCsvReader.ReadChunksAsync(new StringReader(text), "x.csv", Samples.Catalog(), Samples.Today, chunkRows, CancellationToken.None))
            {
                Assert.That(chunk.Rows.Count + chunk.Errors.Select(e => e.Line).Distinct().Count(), Is.LessThanOrEqualTo(chunkRows + 1));
                rows.AddRange(chunk.Rows);
                errors.AddRange(chunk.Errors);
            }

            Assert.That(rows, Is.EqualTo(whole.Rows), text);
            Assert.That(errors, Is.EqualTo(whole.Errors), text);
        }
    }

    [TestCase(0, false, TestName = "Record of MaxLearnerCsvRecordChars with its line end is read")]
    [TestCase(1, true, TestName = "Record one past MaxLearnerCsvRecordChars stops the reading")]
    public async Task ReadChunks_LongRecord_BoundedByMaxLearnerCsvRecordChars(int past, bool stops)
    {
        const string start = "a@b.be;";
        var name = new string('x', CoreLimits.MaxLearnerCsvRecordChars - start.Length - ";MC-DSH;2026-02-06;15;;".Length - 1 + past);
        var text = Header + start + name + ";MC-DSH;2026-02-06;15;;\nc@d.be;Ann Peeters;MC-DSH;2026-02-06;15;;\n";

        var errors = new List<LearnerRowError>();
        var rows = 0;
        await foreach (var chunk in LearnerCsvReader.ReadChunksAsync(new StringReader(text), "x.csv", Samples.Catalog(), Samples.Today, 10, CancellationToken.None))
        {
            errors.AddRange(chunk.Errors);
            rows += chunk.Rows.Count;
        }

        Assert.That(errors.Select(e => (e.Line, e.Field)), Is.EqualTo(stops ? new[] { (2, "file") } : new[] { (2, "name") }));
        Assert.That(rows, Is.EqualTo(stops ? 0 : 1), "after the over-long record nothing more is read");
    }

    [Test]
    public async Task ReadChunks_OnePastMaxLearnerCsvRows_ReadsTheBoundThenStops()
    {
        var counted = 0;
        LearnerRowError? fileError = null;
        using var reader = new GeneratedCsv(CoreLimits.MaxLearnerCsvRows + 1);
        await foreach (var chunk in LearnerCsvReader.ReadChunksAsync(reader, "big.csv", Samples.Catalog(), Samples.Today, 10_000, CancellationToken.None))
        {
            counted += chunk.Rows.Count + chunk.Errors.Count(e => e.Field != "file");
            fileError ??= chunk.Errors.FirstOrDefault(e => e.Field == "file");
        }

        Assert.That(counted, Is.EqualTo(CoreLimits.MaxLearnerCsvRows));
        Assert.That(fileError?.Line, Is.EqualTo(CoreLimits.MaxLearnerCsvRows + 2), "the header is line 1");
        Assert.That(fileError?.Message, Does.Contain("split it into several batches"));
    }

    /// <summary>A learners CSV of any length made as it is read (nothing held).</summary>
    private sealed class GeneratedCsv(int rows) : TextReader
    {
        private readonly StringBuilder pending = new(Header);
        private int next = 1;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            while (pending.Length < buffer.Length && next <= rows)
            {
                pending.Append(CultureInfo.InvariantCulture, $"l{next}@example.be;Learner {next};MC-DSH;2026-02-06;15;;\n");
                next++;
            }

            var n = Math.Min(buffer.Length, pending.Length);
            pending.CopyTo(0, buffer, n);
            pending.Remove(0, n);
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));
    }
}
