using System.CommandLine;
using System.Globalization;
using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Data.Jobs;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

/// <summary>
/// <c>microcred issue --catalog … --learners … --out …</c>: issues a credential for every good CSV row, writes the
/// graduate's files, and reports every row. Rerunning the same input issues no duplicates: the idempotency key is
/// SHA-256 of (lower-cased e-mail, micro-credential code, award date); see <see cref="MicroCredentials.Issuance.IdempotencyKey"/>.
/// </summary>
internal static class IssueCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var catalog = CommonOptions.Catalog();
        var learners = new Option<FileInfo>("--learners") { Description = "CSV of learners who passed (email;name;code;awarded;grade;start;end).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the files per learner. Default out/.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var lang = new Option<string>("--lang") { Description = "Language of the PDF certificates: nl, en or fr. Default nl.", DefaultValueFactory = _ => "nl" };
        lang.AcceptOnlyFromAmong([.. Pdf.CertificateRendering.LanguageKeys]);
        var dryRun = new Option<bool>("--dry-run") { Description = "Only report what would be issued; write nothing." };
        var actor = CommonOptions.Actor();
        var noPdf = new Option<bool>("--no-pdf") { Description = "Do not render PDF certificates now (the host renders them at first download)." };

        var command = new Command("issue", "Issue credentials from a CSV of learners who passed: writes <id>.json, <id>.jwt, <id>.pdf and <id>.png per learner, and links.csv.");
        command.Options.Add(catalog);
        command.Options.Add(learners);
        command.Options.Add(output);
        command.Options.Add(lang);
        command.Options.Add(dryRun);
        command.Options.Add(actor);
        command.Options.Add(noPdf);
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var console = context.Console;
            var catalogPath = parse.GetValue(catalog)!.FullName;
            var (catalogue, exitCode) = await CatalogCommand.LoadForCommandAsync(console, catalogPath, ct);
            if (catalogue is null)
            {
                return exitCode;
            }

            var csvPath = parse.GetValue(learners)!.FullName;
            if (!File.Exists(csvPath))
            {
                console.MarkupLineInterpolated($"[red]error[/] {csvPath}: the learners file does not exist.");
                return CliApp.BadInput;
            }

            var csv = await LearnerCsvReader.ReadFileAsync(csvPath, catalogue, AwardDates.Today(context.Time), ct);
            await using var env = await CliEnvironment.OpenAsync(parse, common, context, ct);
            if (env is null)
            {
                return CliApp.BadInput;
            }

            var outDir = parse.GetValue(output)!.FullName;
            if (parse.GetValue(dryRun))
            {
                var preview = await env.Issuance.IssueBatchAsync(catalogue, csv, parse.GetValue(actor)!, dryRun: true, progress: null, ct);
                return Summarise(console, Path.GetFileName(csvPath), preview.Where(r => r.Outcome == IssueOutcome.Rejected).ToList(),
                    preview.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count()), dryRun: true, outDir);
            }

            // The same durable job as the host's: stored, then worked in-process (a rerun after a crash issues only what is missing).
            var jobId = await env.Issuance.Store.CreateBatchJobAsync(csv, parse.GetValue(actor)!, Path.GetFileName(csvPath), ct);
            var runner = new BatchJobRunner(env.Issuance, new BatchJobOptions());
            var rows = csv.Rows.Count + csv.Errors.Select(e => e.Line).Distinct().Count();
            await ShowProgressAsync<BatchJobStatus>(console, rows, "Issuing", progress => runner.RunAsync(jobId, catalogue, progress, ct));

            var writer = new CredentialFiles(env.Keys, context.Time, env.Issuance.Options, catalogue.Issuer.SignatoryFor(parse.GetValue(lang)!));
            Directory.CreateDirectory(outDir);
            // Results are streamed from the stored job: each credential's files and its links.csv line are written as
            // its row is read; only the counts and the rejected rows (for the report) are kept.
            var counts = new Dictionary<IssueOutcome, int>();
            var rejected = new List<IssueResult>();
            await using (var links = new StreamWriter(Path.Combine(outDir, "links.csv"), append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                await links.WriteAsync(CsvWriter.Document(LinksHeader, []));
                await ShowProgressAsync<int>(console, rows, "Writing files", async progress =>
                {
                    var done = 0;
                    await foreach (var r in env.Issuance.ReadBatchResultsAsync(jobId, ct))
                    {
                        counts[r.Outcome] = counts.GetValueOrDefault(r.Outcome) + 1;
                        if (r.Credential is not null)
                        {
                            await writer.WriteAsync(outDir, r, parse.GetValue(lang)!, ct, withPdf: !parse.GetValue(noPdf));
                            await links.WriteAsync(string.Join(CsvWriter.Separator, LinksRow(r).Select(CsvWriter.Cell)) + "\n");
                        }
                        else if (r.Outcome == IssueOutcome.Rejected)
                        {
                            rejected.Add(r);
                        }

                        progress.Report(++done);
                    }
                });
            }

            return Summarise(console, Path.GetFileName(csvPath), rejected, counts, dryRun: false, outDir);
        });
        return command;
    }

    /// <summary>
    /// Runs a stage with a progress display: a live bar on a terminal, otherwise a plain line now and then (every 10 %)
    /// so logs and pipes get progress too.
    /// </summary>
    private static async Task ShowProgressAsync<T>(IAnsiConsole console, int total, string stage, Func<IProgress<T>, Task> run)
    {
        if (console.Profile.Capabilities.Interactive && total >= 20)
        {
            await console.Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask(stage, maxValue: Math.Max(1, total));
                await run(new InlineProgress<T>(value => task.Value = Done(value)));
            });
            return;
        }

        var lastShown = -1;
        await run(new InlineProgress<T>(value =>
        {
            var done = Done(value);
            var tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != lastShown && total >= 20)
            {
                lastShown = tenth;
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage}: {done}/{total}"));
            }
        }));
    }

    private static int Done<T>(T value) => value switch
    {
        BatchJobStatus status => status.Total - status.Remaining,
        int count => count,
        _ => 0,
    };

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool and may report after the stage ends).</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private static int Summarise(IAnsiConsole console, string file, IReadOnlyList<IssueResult> rejected, IReadOnlyDictionary<IssueOutcome, int> counts,
        bool dryRun, string outDir)
    {
        foreach (var r in rejected)
        {
            console.MarkupLineInterpolated($"[red]rejected[/] {file}:{r.Line}: {r.Reason}");
        }

        int Count(IssueOutcome o) => counts.GetValueOrDefault(o);
        var table = new Table().AddColumns("", "rows");
        if (dryRun)
        {
            table.AddRow("would issue", Count(IssueOutcome.WouldIssue).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            table.AddRow("issued", Count(IssueOutcome.Issued).ToString(CultureInfo.InvariantCulture));
        }

        table.AddRow("skipped (already issued)", Count(IssueOutcome.AlreadyIssued).ToString(CultureInfo.InvariantCulture));
        table.AddRow("rejected", Count(IssueOutcome.Rejected).ToString(CultureInfo.InvariantCulture));
        console.Write(table);
        console.MarkupLineInterpolated(
            $"issued {Count(IssueOutcome.Issued)}, skipped as already issued {Count(IssueOutcome.AlreadyIssued)}, rejected {Count(IssueOutcome.Rejected)}{(dryRun ? " (dry run: nothing written)" : $" — files in {outDir}")}");
        return Count(IssueOutcome.Rejected) > 0 ? CliApp.Failed : CliApp.Ok;
    }

    private static readonly string[] LinksHeader = ["line", "name", "code", "credential", "outcome", "verification_url", "download_url"];

    private static string?[] LinksRow(IssueResult r) =>
        [r.Line?.ToString(CultureInfo.InvariantCulture), r.LearnerName, r.Code, r.Credential!.Id, r.Outcome.ToString(), r.VerificationUrl, r.DownloadUrl];
}
