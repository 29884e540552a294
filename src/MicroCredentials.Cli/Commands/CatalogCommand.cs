using System.CommandLine;
using MicroCredentials.Catalog;
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
        return catalog;
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
