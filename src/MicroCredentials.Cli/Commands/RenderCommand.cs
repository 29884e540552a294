using System.CommandLine;
using System.Text.Json.Nodes;
using MicroCredentials.Catalog;
using MicroCredentials.Data.Issuance;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

/// <summary>
/// <c>microcred render &lt;credential.json&gt; --lang nl|en|fr</c>: renders (again) the sealed PDF certificate of an issued
/// credential, e.g. in the other language. The credential must be in the database (its QR handle and code are there).
/// </summary>
internal static class RenderCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var file = new Argument<FileInfo>("credential") { Description = "The signed credential (.json) or its id/handle/short code." };
        var lang = new Option<string>("--lang") { Description = "nl, en or fr. Default nl.", DefaultValueFactory = _ => "nl" };
        lang.AcceptOnlyFromAmong([.. Pdf.CertificateRendering.LanguageKeys]);
        var output = new Option<FileInfo?>("--out") { Description = "The PDF to write. Default <id>-<lang>.pdf in the current folder." };
        var catalog = new Option<FileInfo?>("--catalog") { Description = "Catalogue (for the signatory line). Default samples/catalog.json when present." };
        var command = new Command("render", "Render the sealed PDF certificate of an issued credential in Dutch, English or French.");
        command.Arguments.Add(file);
        command.Options.Add(lang);
        command.Options.Add(output);
        command.Options.Add(catalog);
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var console = context.Console;
            var given = parse.GetValue(file)!;
            var id = given.Name;
            if (given.Exists)
            {
                var parsed = Model.CredentialJson.TryParse(await File.ReadAllBytesAsync(given.FullName, ct));
                if (!parsed.Succeeded)
                {
                    console.MarkupLineInterpolated($"[red]error[/] {given.FullName}: not a credential JSON file ({parsed.Problem}).");
                    return CliApp.BadInput;
                }

                id = parsed.Document["id"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
            }

            await using var env = await CliEnvironment.OpenAsync(parse, common, context, ct);
            if (env is null)
            {
                return CliApp.BadInput;
            }

            var stored = await env.Issuance.FindAsync(id, ct);
            if (stored is null)
            {
                console.MarkupLineInterpolated($"[red]error[/] '{id}' is not a credential issued from this database (--db); only issued credentials have a verification link to print.");
                return CliApp.BadInput;
            }

            var catalogPath = parse.GetValue(catalog)?.FullName ?? Path.GetFullPath(Path.Combine("samples", "catalog.json"));
            var language = parse.GetValue(lang)!;
            var signatory = File.Exists(catalogPath) && (await CatalogLoader.LoadFileAsync(catalogPath, ct)).Catalog is { } c ? c.Issuer.SignatoryFor(language) : null;
            var target = parse.GetValue(output)?.FullName ?? Path.GetFullPath($"{CredentialFiles.Stem(stored.Id)}-{language}.pdf");
            var pdf = new CredentialFiles(env.Keys, context.Time, env.Issuance.Options, signatory).RenderPdf(stored, language);
            await File.WriteAllBytesAsync(target, pdf, ct);
            console.MarkupLineInterpolated($"[green]ok[/] {target}");
            return CliApp.Ok;
        });
        return command;
    }
}
