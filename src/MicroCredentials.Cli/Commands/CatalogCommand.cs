using System.CommandLine;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

/// <summary><c>microcred catalog check &lt;file&gt;</c>: validates a catalogue, listing every missing EU element.</summary>
internal static class CatalogCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("catalog") { Description = "The catalogue JSON file (see samples/catalog.json)." };
        var check = new Command("check", "Check that every micro-credential in a catalogue carries every EU Annex I mandatory element.");
        check.Arguments.Add(file);
        check.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            var result = await CatalogLoader.LoadFileAsync(path, ct);
            return Report(context.Console, path, result);
        });

        var catalog = new Command("catalog", "Work with the micro-credential catalogue.");
        catalog.Subcommands.Add(check);
        catalog.Subcommands.Add(Import(context));
        catalog.Subcommands.Add(Export(context));
        return catalog;
    }

    // microcred catalog import <file> [--db|--postgres]: the file's changed entries become new versions in the database.
    private static Command Import(CliContext context)
    {
        var common = new CommonOptions();
        var file = new Argument<FileInfo>("catalog") { Description = "The catalogue JSON file to import." };
        var actor = CommonOptions.Actor();
        var command = new Command("import", "Import a catalogue file into the database the host reads (changed entries become new versions; issued versions never change).");
        command.Arguments.Add(file);
        command.Options.Add(actor);
        command.Options.Add(common.Database);
        command.Options.Add(common.Postgres);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            var loaded = await CatalogLoader.LoadFileAsync(path, ct);
            if (!loaded.Succeeded)
            {
                return Report(context.Console, path, loaded);
            }

            await using var store = await common.OpenStoreAsync(parse, context, ct);
            var result = await store.ImportCatalogueAsync(loaded.Catalog!, Path.GetFileName(path), "cli:" + parse.GetValue(actor), onlyIfEmpty: false, ct);
            switch (result.Outcome)
            {
                case CatalogueEditOutcome.VersionIssued:
                    foreach (var code in result.Codes)
                    {
                        context.Console.MarkupLineInterpolated(
                            $"[red]error[/] {code}: credentials were issued with version {loaded.Catalog!.Find(code)!.Version} and other content; give the changed entry a new version.");
                    }

                    return CliApp.BadInput;
                case CatalogueEditOutcome.Unchanged:
                    context.Console.MarkupLine("[green]ok[/] nothing changed: the database already holds this catalogue.");
                    return CliApp.Ok;
                case CatalogueEditOutcome.Saved:
                    context.Console.MarkupLineInterpolated($"[green]ok[/] imported; new versions of: {(result.Codes.Count == 0 ? "none (issuer block only)" : string.Join(", ", result.Codes))}.");
                    return CliApp.Ok;
                default:
                    context.Console.MarkupLine("[red]error[/] someone saved the catalogue at the same moment; run the import again.");
                    return CliApp.BadInput;
            }
        });
        return command;
    }

    // microcred catalog export [--out file] [--db|--postgres]: the catalogue in force, in the import format.
    private static Command Export(CliContext context)
    {
        var common = new CommonOptions();
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file (default: standard output)." };
        var command = new Command("export", "Write the catalogue in force in the database as a catalogue file (the format of catalog check and import).");
        command.Options.Add(output);
        command.Options.Add(common.Database);
        command.Options.Add(common.Postgres);
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await common.OpenStoreAsync(parse, context, ct);
            if (await store.LoadCatalogueAsync(ct) is not { } stored)
            {
                context.Console.MarkupLine("[red]error[/] the database holds no catalogue yet (the host imports its catalogue file on its first start; or use 'catalog import').");
                return CliApp.BadInput;
            }

            var json = CatalogWriter.ToJson(stored.Catalog);
            if (parse.GetValue(output) is { } target)
            {
                await File.WriteAllTextAsync(target.FullName, json, ct);
                context.Console.MarkupLineInterpolated($"[green]ok[/] {stored.Catalog.MicroCredentials.Count} micro-credential(s) written to {target.FullName}.");
            }
            else
            {
                context.Console.Profile.Out.Writer.Write(json);
            }

            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>Loads a catalogue for a command; on errors prints them and returns null with the exit code.</summary>
    public static async Task<(MicroCredentialCatalog? Catalog, int ExitCode)> LoadForCommandAsync(IAnsiConsole console, string path, CancellationToken ct)
    {
        var loaded = await CatalogLoader.LoadFileAsync(path, ct);
        return loaded.Succeeded ? (loaded.Catalog, CliApp.Ok) : (null, Report(console, path, loaded));
    }

    /// <summary>Prints the errors (or a one-line summary) and returns the exit code.</summary>
    public static int Report(IAnsiConsole console, string path, CatalogLoadResult result)
    {
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                console.MarkupLineInterpolated($"[red]error[/] {Path.GetFileName(path)}: {error}");
            }

            console.MarkupLineInterpolated($"[red]{result.Errors.Count} problem(s) in {path}.[/]");
            return CliApp.BadInput;
        }

        var catalog = result.Catalog!;
        console.MarkupLineInterpolated($"[green]ok[/] {Path.GetFileName(path)}: {catalog.MicroCredentials.Count} micro-credential(s) of {catalog.Issuer.Name}, every EU Annex I mandatory element present.");
        return CliApp.Ok;
    }
}
