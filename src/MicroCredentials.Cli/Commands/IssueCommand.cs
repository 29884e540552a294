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
/// The CSV is streamed into a durable job (the host's kind), which is then worked in-process; its id is printed first,
/// and <c>microcred issue --resume &lt;job&gt;</c> finishes a job whose run was killed or stopped (Ctrl-C).
/// </summary>
internal static partial class IssueCommand
{
    /// <summary>Exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Stopped = 130;

    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var catalog = CommonOptions.Catalog();
        var learners = new Option<FileInfo>("--learners") { Description = "CSV of learners who passed (email;name;code;awarded;grade;start;end)." };
        var resume = new Option<string>("--resume") { Description = "Finish a stored job whose run was killed or stopped (its id is printed when it starts) instead of reading --learners." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the files per learner. Default out/.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var lang = new Option<string>("--lang") { Description = "Language of the PDF certificates: nl, en or fr. Default nl.", DefaultValueFactory = _ => "nl" };
        lang.AcceptOnlyFromAmong([.. Pdf.CertificateRendering.LanguageKeys]);
        var dryRun = new Option<bool>("--dry-run") { Description = "Only report what would be issued; write nothing." };
        var actor = CommonOptions.Actor();
        var noPdf = new Option<bool>("--no-pdf") { Description = "Do not render PDF certificates now (the host renders them at first download)." };
        var workers = new Option<int>("--workers") { Description = "Credentials signed and certificates rendered in parallel. Default: every core.", DefaultValueFactory = _ => Environment.ProcessorCount };

        var command = new Command("issue", "Issue credentials from a CSV of learners who passed: writes <id>.json, <id>.jwt, <id>.pdf and <id>.png per learner, and links.csv.");
        command.Options.Add(catalog);
        command.Options.Add(learners);
        command.Options.Add(resume);
        command.Options.Add(output);
        command.Options.Add(lang);
        command.Options.Add(dryRun);
        command.Options.Add(actor);
        command.Options.Add(noPdf);
        command.Options.Add(workers);
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var console = context.Console;
            var resumed = parse.GetValue(resume);
            var learnersFile = parse.GetValue(learners);
            if ((resumed is null) == (learnersFile is null) || (resumed is not null && parse.GetValue(dryRun)))
            {
                console.MarkupLine("[red]error[/] give either --learners <file> (a new batch) or --resume <job> (finish a stored one; not with --dry-run).");
                return CliApp.BadInput;
            }

            var jobOptions = new BatchJobOptions { Workers = parse.GetValue(workers) };
            if (jobOptions.Workers is < 1 or > 256)
            {
                console.MarkupLine("[red]error[/] --workers must be 1–256.");
                return CliApp.BadInput;
            }

            var catalogPath = parse.GetValue(catalog)!.FullName;
            var (catalogue, exitCode) = await CatalogCommand.LoadForCommandAsync(console, catalogPath, ct);
            if (catalogue is null)
            {
                return exitCode;
            }

            var csvPath = learnersFile?.FullName;
            if (csvPath is not null && !File.Exists(csvPath))
            {
                console.MarkupLineInterpolated($"[red]error[/] {csvPath}: the learners file does not exist.");
                return CliApp.BadInput;
            }

            await using var env = await CliEnvironment.OpenAsync(parse, common, context, ct);
            if (env is null)
            {
                return CliApp.BadInput;
            }

            var outDir = parse.GetValue(output)!.FullName;
            if (parse.GetValue(dryRun))
            {
                var csv = await LearnerCsvReader.ReadFileAsync(csvPath!, catalogue, AwardDates.Today(context.Time), ct);
                var preview = await env.Issuance.IssueBatchAsync(catalogue, csv, parse.GetValue(actor)!, dryRun: true, progress: null, ct);
                return Summarise(console, Path.GetFileName(csvPath!), preview.Where(r => r.Outcome == IssueOutcome.Rejected).ToList(),
                    preview.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count()), dryRun: true, outDir);
            }

            // The same durable job as the host's: streamed into the database, then worked in-process.
            string jobId;
            if (resumed is not null)
            {
                if (await env.Store.GetBatchJobAsync(resumed.Trim(), ct) is not { } found)
                {
                    console.MarkupLineInterpolated($"[red]error[/] no batch job '{resumed}' in this database.");
                    return CliApp.BadInput;
                }

                jobId = found.Id;
            }
            else
            {
                jobId = await StoreJobAsync(env, catalogue, csvPath!, parse.GetValue(actor)!, context.Time, ct);
            }

            var status = (await env.Store.GetBatchJobAsync(jobId, ct))!;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"job {jobId}: {status.Total} rows, {status.Remaining} to issue (if stopped, finish it with: microcred issue --resume {jobId})"));
            var runner = new BatchJobRunner(env.Issuance, jobOptions);
            try
            {
                await ShowProgressAsync<BatchJobStatus>(console, status.Total, "Issuing", progress => resumed is null
                    ? runner.RunAsync(jobId, catalogue, progress, ct)
                    : runner.ResumeAsync(jobId, catalogue, progress, ct));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                console.WriteLine($"stopped: what was issued stays issued; finish the job with: microcred issue --resume {jobId}");
                return Stopped;
            }

            var writer = new CredentialFiles(env.Keys, context.Time, env.Issuance.Options, catalogue.Issuer.SignatoryFor(parse.GetValue(lang)!));
            var (rejected, counts) = await WriteFilesAsync(console, env.Issuance, writer, jobId, status.Total, outDir, parse.GetValue(lang)!,
                withPdf: !parse.GetValue(noPdf), jobOptions.Workers, ct);
            return Summarise(console, status.FileName ?? jobId, rejected, counts, dryRun: false, outDir);
        });
        return command;
    }

    private static async Task<string> StoreJobAsync(CliEnvironment env, MicroCredentialCatalog catalogue, string csvPath, string actor, TimeProvider time,
        CancellationToken ct)
    {
        using var text = new StreamReader(csvPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var chunks = LearnerCsvReader.ReadChunksAsync(text, Path.GetFileName(csvPath), catalogue, AwardDates.Today(time), BatchJobOptions.StoreChunkRows, ct);
        return await env.Store.CreateBatchJobAsync(chunks, actor, Path.GetFileName(csvPath), ct);
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
