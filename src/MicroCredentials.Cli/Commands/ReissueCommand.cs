using System.CommandLine;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

/// <summary>
/// <c>microcred reissue &lt;id&gt; --catalog … --email … [--name …] [--grade …] [--email-correction --reason …]</c>:
/// corrects a name or grade. A new credential is issued for the same award, the old one is revoked and its page says
/// "superseded". The e-mail must be the learner's address the credential was issued to, unless
/// <c>--email-correction</c> states (with <c>--reason</c>, audit-logged) that the address itself was wrong.
/// </summary>
internal static class ReissueCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var id = new Argument<string>("credential") { Description = "The credential to correct: id, handle or short code." };
        var catalog = CommonOptions.Catalog();
        var email = new Option<string>("--email") { Description = "The learner's e-mail (needed again: only its salted hash is stored).", Required = true };
        var name = new Option<string?>("--name") { Description = "Corrected name (default: unchanged)." };
        var grade = new Option<string?>("--grade") { Description = "Corrected grade (default: unchanged)." };
        var emailCorrection = new Option<bool>("--email-correction")
        {
            Description = "State that --email corrects the learner's address (it was wrong when the credential was issued); needs --reason.",
        };
        var reason = new Option<string?>("--reason") { Description = "Why the address is corrected (kept in the audit log)." };
        var actor = CommonOptions.Actor();
        var command = new Command("reissue", "Correct a credential's name or grade: issue a new one and revoke the old one (marked superseded).");
        command.Arguments.Add(id);
        command.Options.Add(catalog);
        command.Options.Add(email);
        command.Options.Add(name);
        command.Options.Add(grade);
        command.Options.Add(emailCorrection);
        command.Options.Add(reason);
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

            var isCorrection = parse.GetValue(emailCorrection);
            var why = parse.GetValue(reason)?.Trim() ?? string.Empty;
            if (isCorrection && why.Length == 0)
            {
                console.MarkupLine("[red]error[/] --email-correction needs --reason: it is kept in the audit log.");
                return CliApp.BadInput;
            }

            await using var env = await CliEnvironment.OpenAsync(parse, common, context, ct);
            if (env is null)
            {
                return CliApp.BadInput;
            }

            var given = parse.GetValue(id)!.Trim();
            var stored = await env.Issuance.FindAsync(given, ct);
            if (stored is null)
            {
                console.MarkupLineInterpolated($"[red]error[/] no credential with id, handle or code '{given}'.");
                return CliApp.BadInput;
            }

            var facts = Verification.CredentialSummary.From(IssuanceService.ParseCredential(stored), "en");
            var subject = IssuanceService.ParseCredential(stored)["credentialSubject"]!;
            var row = string.Join(';', "email", "name", "code", "awarded", "grade", "start", "end") + "\n" + string.Join(';',
                Quote(parse.GetValue(email)), Quote(parse.GetValue(name) ?? facts.LearnerName), Quote((string?)subject["achievement"]?["humanCode"]),
                Quote(facts.AwardedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                Quote(parse.GetValue(grade) ?? (string?)subject["result"]?[0]?["value"]),
                Quote(Date((string?)subject["activityStartDate"])), Quote(Date((string?)subject["activityEndDate"]))) + "\n";
            var csv = LearnerCsvReader.Read(row, "correction", catalogue, AwardDates.Today(context.Time));
            if (csv.Errors.Count > 0)
            {
                foreach (var e in csv.Errors)
                {
                    console.MarkupLineInterpolated($"[red]rejected[/] {e.Field}: {e.Message}");
                }

                return CliApp.BadInput;
            }

            var correction = isCorrection ? new EmailCorrection(why) : null;
            var result = await env.Issuance.ReissueAsync(catalogue, stored.Id, csv.Rows[0], parse.GetValue(actor)!, correction, ct);
            if (result.Outcome == IssueOutcome.Rejected)
            {
                var hint = result.Reason?.StartsWith("email: the e-mail address differs", StringComparison.Ordinal) == true
                    ? " (if the address itself was wrong: --email-correction --reason \"…\")"
                    : string.Empty;
                console.MarkupLineInterpolated($"[red]refused[/] {result.Reason}{hint}");
                return CliApp.Failed;
            }

            console.MarkupLineInterpolated($"[green]reissued[/] {stored.Id} → {result.Credential!.Id}; new verification link {result.VerificationUrl}, download {result.DownloadUrl}");
            return CliApp.Ok;
        });
        return command;
    }

    private static string Quote(string? value) => "\"" + (value ?? string.Empty).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string? Date(string? iso) => iso is null ? null
        : DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
