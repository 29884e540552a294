using System.CommandLine;
using System.Globalization;
using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
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

        var command = new Command("issue", "Issue credentials from a CSV of learners who passed: writes <id>.json, <id>.jwt, <id>.pdf and <id>.png per learner, and links.csv.");
        command.Options.Add(catalog);
        command.Options.Add(learners);
        command.Options.Add(output);
        command.Options.Add(lang);
        command.Options.Add(dryRun);
        command.Options.Add(actor);
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

            var isDryRun = parse.GetValue(dryRun);
            var results = await RunWithProgressAsync(console, csv.Rows.Count, progress =>
                env.Issuance.IssueBatchAsync(catalogue, csv, parse.GetValue(actor)!, isDryRun, progress, ct));

            var outDir = parse.GetValue(output)!.FullName;
            if (!isDryRun)
            {
                var writer = new CredentialFiles(env.Keys, context.Time, env.Issuance.Options, catalogue.Issuer.SignatoryFor(parse.GetValue(lang)!));
                Directory.CreateDirectory(outDir);
                foreach (var r in results.Where(r => r.Credential is not null))
                {
                    await writer.WriteAsync(outDir, r, parse.GetValue(lang)!, ct);
                }

                await WriteLinksAsync(Path.Combine(outDir, "links.csv"), results, ct);
            }

            return Summarise(console, Path.GetFileName(csvPath), results, isDryRun, outDir);
        });
        return command;
    }

    private static async Task<IReadOnlyList<IssueResult>> RunWithProgressAsync(IAnsiConsole console, int rows,
        Func<IProgress<int>?, Task<IReadOnlyList<IssueResult>>> run)
    {
        if (rows < 20 || !console.Profile.Capabilities.Interactive)
        {
            return await run(null);
        }

        IReadOnlyList<IssueResult> results = [];
        await console.Progress().StartAsync(async ctx =>
        {
            var task = ctx.AddTask("Issuing", maxValue: rows);
            results = await run(new Progress<int>(done => task.Value = done));
        });
        return results;
    }

    private static int Summarise(IAnsiConsole console, string file, IReadOnlyList<IssueResult> results, bool dryRun, string outDir)
    {
        foreach (var r in results.Where(r => r.Outcome == IssueOutcome.Rejected))
        {
            console.MarkupLineInterpolated($"[red]rejected[/] {file}:{r.Line}: {r.Reason}");
        }

        int Count(IssueOutcome o) => results.Count(r => r.Outcome == o);
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

    private static async Task WriteLinksAsync(string path, IReadOnlyList<IssueResult> results, CancellationToken ct)
    {
        var csv = CsvWriter.Document(
            ["line", "name", "code", "credential", "outcome", "verification_url", "download_url"],
            results.Where(r => r.Credential is not null).Select(r => new[]
            {
                r.Line?.ToString(CultureInfo.InvariantCulture), r.LearnerName, r.Code, r.Credential!.Id, r.Outcome.ToString(), r.VerificationUrl, r.DownloadUrl,
            }));
        await File.WriteAllTextAsync(path, csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), ct);
    }
}
