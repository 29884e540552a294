using System.CommandLine;
using MicroCredentials.Data;
using MicroCredentials.Keys;
using MicroCredentials.Status;
using MicroCredentials.Verification;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

/// <summary>
/// <c>microcred verify &lt;file&gt;</c>: verifies a credential (JSON, JWT, baked PNG/SVG or certificate PDF), prints
/// every check, and exits 0 only when all pass. Status lists of our own credentials are read from the local
/// database when it exists; others are fetched.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var file = new Argument<FileInfo>("file") { Description = "The credential: .json, .jwt, baked .png/.svg, or the certificate .pdf." };
        var command = new Command("verify", "Verify a credential file and print every check; exit code 0 only when all pass.");
        command.Arguments.Add(file);
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var console = context.Console;
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                console.MarkupLineInterpolated($"[red]error[/] {path}: the file does not exist.");
                return CliApp.BadInput;
            }

            IssuerKeySet keys;
            try
            {
                var (baseUrl, earlier) = await CliEnvironment.StoredIdentityAsync(parse, common, context, ct);
                keys = CliEnvironment.LoadKeys(parse.GetValue(common.Keys)!, parse.GetValue(common.SealPassword), DidWeb.FromBaseUrl(baseUrl), [.. earlier]);
            }
            catch (Exception e) when (e is KeyFileException or IOException or ArgumentException)
            {
                console.MarkupLineInterpolated($"[red]error[/] keys: {e.Message}");
                return CliApp.BadInput;
            }

            using (keys)
            {
                var checker = new StatusChecker(new StatusListClient(context.Time), StatusListProof.Verifier(keys), context.Time);
                var verifier = new CredentialVerifier(keys.DataIntegrityKeyResolver, keys.JwtKeyResolver, checker, context.Time,
                    new CredentialVerifierOptions { KeyValidity = keys.KeyValidity });
                var local = await LocalStatusLists.LoadAsync(parse, common, context, ct);
                var bytes = await File.ReadAllBytesAsync(path, ct);
                var report = await Pdf.CertificateVerification.VerifyAsync(verifier, bytes, keys.SealCertificates, local, ct);
                Print(console, path, report);
                return report.Checks.All(c => c.Outcome is CheckOutcome.Pass or CheckOutcome.Skipped) && report.Verdict == Verdict.Valid
                    ? CliApp.Ok
                    : CliApp.Failed;
            }
        });
        return command;
    }

    private static void Print(IAnsiConsole console, string path, VerificationReport report)
    {
        var summary = report.Credential is { } c ? CredentialSummary.From(c, "en") : null;
        console.MarkupLineInterpolated($"[bold]{Path.GetFileName(path)}[/]");
        if (summary is not null)
        {
            console.MarkupLineInterpolated($"  {summary.LearnerName} — {summary.Title} ({summary.Ects} ECTS, EQF {summary.EqfLevel}) — issued by {summary.IssuerName} on {summary.IssuedOn:yyyy-MM-dd}");
        }

        foreach (var check in report.Checks)
        {
            var mark = check.Outcome switch
            {
                CheckOutcome.Pass => "[green]pass[/]",
                CheckOutcome.Fail => "[red]FAIL[/]",
                CheckOutcome.Warning => "[yellow]warn[/]",
                _ => "[grey]skip[/]",
            };
            console.MarkupLine($"  {mark} {check.Id,-15} {Markup.Escape(check.Detail)}");
        }

        var color = report.Verdict == Verdict.Valid ? "green" : "red";
        console.MarkupLine($"[{color}]verdict: {report.Verdict}[/]");
    }
}
