using MicroCredentials.Cli;
using Spectre.Console;

// microcred: keys, catalogue check, batch issuance from CSV, verify, revoke, render (DESIGN §3).
var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Piped into a file or another program: whole lines, not wrapped at an assumed 80 columns.
    console.Profile.Width = 1000;
}

return await CliApp.RunAsync(args, console, TimeProvider.System, CancellationToken.None);
