using MicroCredentials.Cli;
using Spectre.Console;

// microcred: keys, catalogue check, batch issuance from CSV, verify, revoke, render (DESIGN §3).
return await CliApp.RunAsync(args, AnsiConsole.Console, TimeProvider.System, CancellationToken.None);
