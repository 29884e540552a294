using System.Text;
using System.Threading.Channels;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

internal static partial class IssueCommand
{
    /// <summary>
    /// Writes each issued row's files (JSON, JWT, sealed PDF, baked PNG) and its links.csv line, streamed from the stored
    /// job: rows are read a page at a time, their files rendered on <paramref name="workers"/> threads at once, and the
    /// links lines written in row order as each row's files are done. At most 2 × <paramref name="workers"/> rows are in
    /// hand; only the counts and the rejected rows (for the report) are kept.
    /// </summary>
    private static async Task<(List<IssueResult> Rejected, Dictionary<IssueOutcome, int> Counts)> WriteFilesAsync(IAnsiConsole console,
        IssuanceService issuance, CredentialFiles writer, string jobId, int total, string outDir, string language, bool withPdf, int workers,
        CancellationToken ct)
    {
        Directory.CreateDirectory(outDir);
        var counts = new Dictionary<IssueOutcome, int>();
        var rejected = new List<IssueResult>();
        await using var links = new StreamWriter(Path.Combine(outDir, "links.csv"), append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await links.WriteAsync(CsvWriter.Document(LinksHeader, []));
        await ShowProgressAsync<int>(console, total, "Writing files", async progress =>
        {
            // In row order: each row's file task is started at once and awaited in turn (bounded: the channel's capacity).
            var inOrder = Channel.CreateBounded<(IssueResult Result, Task Files)>(new BoundedChannelOptions(2 * workers) { SingleReader = true, SingleWriter = true });
            var read = Task.Run(async () =>
            {
                try
                {
                    await foreach (var r in issuance.ReadBatchResultsAsync(jobId, ct))
                    {
                        var files = r.Credential is null ? Task.CompletedTask : Task.Run(() => writer.WriteAsync(outDir, r, language, ct, withPdf), ct);
                        await inOrder.Writer.WriteAsync((r, files), ct);
                    }

                    inOrder.Writer.Complete();
                }
                catch (Exception error)
                {
                    inOrder.Writer.Complete(error);
                    throw;
                }
            }, ct);

            var done = 0;
            await foreach (var (r, files) in inOrder.Reader.ReadAllAsync(ct))
            {
                await files;
                counts[r.Outcome] = counts.GetValueOrDefault(r.Outcome) + 1;
                if (r.Credential is not null)
                {
                    await links.WriteAsync(string.Join(CsvWriter.Separator, LinksRow(r).Select(CsvWriter.Cell)) + "\n");
                }
                else if (r.Outcome == IssueOutcome.Rejected)
                {
                    rejected.Add(r);
                }

                progress.Report(++done);
            }

            await read;
        });
        return (rejected, counts);
    }
}
