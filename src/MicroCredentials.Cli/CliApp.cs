using System.CommandLine;
using MicroCredentials.Cli.Commands;
using Spectre.Console;

namespace MicroCredentials.Cli;

/// <summary>The command tree of <c>microcred</c>; a seam so tests run the real commands with a captured console.</summary>
internal static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when some input was rejected or a check failed (the good part was still done).</summary>
    public const int Failed = 1;

    /// <summary>Exit code for unusable input (missing file, invalid catalogue, bad configuration).</summary>
    public const int BadInput = 2;

    /// <summary>Parses and runs a command line.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        var context = new CliContext(console, time);
        var root = new RootCommand("microcred — issue, verify and manage EU micro-credentials (Open Badges 3.0 / W3C VC 2.0).");
        root.Subcommands.Add(CatalogCommand.Create(context));
        foreach (var command in CommandRegistry.Create(context))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            // Unusable command line: exit code 2 as documented (System.CommandLine would return 1).
            foreach (var error in parse.Errors)
            {
                console.MarkupLineInterpolated($"[red]error[/] {error.Message}");
            }

            console.MarkupLine("Run 'microcred --help' (or 'microcred <command> --help') for the usage.");
            return BadInput;
        }

        return await parse.InvokeAsync(new InvocationConfiguration(), cancellationToken);
    }
}
