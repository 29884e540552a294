using System.CommandLine;
using System.Diagnostics;
using MicroCredentials.Data;
using MicroCredentials.Data.Backup;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

/// <summary><c>microcred backup --out &lt;file&gt;</c> and <c>microcred restore &lt;file&gt;</c> (SQLite; PostgreSQL: README, pg_dump).</summary>
internal static class BackupCommand
{
    /// <summary>Environment variable holding the passphrase of the private keys in a backup.</summary>
    public const string PassphraseVariable = "MICROCRED_BACKUP_PASSPHRASE";

    public static Command Backup(CliContext context)
    {
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write (never overwritten).", Required = true };
        var db = DatabaseOption();
        var keys = new Option<DirectoryInfo?>("--keys") { Description = "Key folder: its public files (key history, seal certificate) are copied." };
        var withPrivate = new Option<bool>("--include-private-keys") { Description = "Also copy the private keys, encrypted with --passphrase (or $" + PassphraseVariable + ")." };
        var passphrase = PassphraseOption();
        var command = new Command("backup", "Copy the live SQLite database (online, while the host serves) with the download-link secret and the key files' public parts.");
        command.Options.Add(output);
        command.Options.Add(db);
        command.Options.Add(keys);
        command.Options.Add(withPrivate);
        command.Options.Add(passphrase);
        command.SetAction(async (parse, ct) =>
        {
            var secret = parse.GetValue(passphrase);
            if (parse.GetValue(withPrivate) && (string.IsNullOrEmpty(secret) || parse.GetValue(keys) is null))
            {
                context.Console.MarkupLine($"[red]error[/] --include-private-keys needs --keys <folder> and --passphrase <passphrase> (or ${PassphraseVariable}).");
                return CliApp.BadInput;
            }

            try
            {
                var watch = Stopwatch.StartNew();
                var result = await SqliteBackup.CreateAsync(new BackupRequest
                {
                    DatabasePath = parse.GetValue(db)!,
                    OutFile = parse.GetValue(output)!.FullName,
                    KeysFolder = parse.GetValue(keys)?.FullName,
                    PrivateKeysPassphrase = parse.GetValue(withPrivate) ? secret : null,
                }, context.Time, ct);
                context.Console.MarkupLineInterpolated(
                    $"[green]ok[/] {result.OutFile}: {result.Credentials} credentials, {result.Bytes / 1024} KiB in {watch.Elapsed.TotalSeconds:0.0} s; {string.Join(", ", result.Files)}");
                context.Console.MarkupLine(result.PrivateKeysIncluded
                    ? "The private keys are in it, encrypted: keep the passphrase apart from the backup."
                    : "No private key is in it: back up the key folder (or its HSM) separately.");
                return CliApp.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                context.Console.MarkupLineInterpolated($"[red]error[/] backup: {e.Message}");
                return CliApp.BadInput;
            }
        });
        return command;
    }

    public static Command Restore(CliContext context)
    {
        var file = new Argument<FileInfo>("backup") { Description = "The backup file ('microcred backup --out')." };
        var db = DatabaseOption();
        var keys = new Option<DirectoryInfo?>("--keys") { Description = "Key folder to restore the key files into (default: leave keys alone)." };
        var passphrase = PassphraseOption();
        var force = new Option<bool>("--force") { Description = "Overwrite existing files." };
        var command = new Command("restore", "Put a backup back: database, download-link secret, key files; refuses to overwrite without --force.");
        command.Arguments.Add(file);
        command.Options.Add(db);
        command.Options.Add(keys);
        command.Options.Add(passphrase);
        command.Options.Add(force);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var result = await BackupRestore.RestoreAsync(parse.GetValue(file)!.FullName, parse.GetValue(db)!, parse.GetValue(keys)?.FullName,
                    parse.GetValue(passphrase) is { Length: > 0 } secret ? secret : null, parse.GetValue(force), ct);
                var label = result.Outcome == RestoreOutcome.Restored ? "[green]ok[/]" : "[red]refused[/]";
                context.Console.MarkupLine(label + " " + Markup.Escape(result.Message));
                return result.Outcome == RestoreOutcome.Restored ? CliApp.Ok : CliApp.BadInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Console.MarkupLineInterpolated($"[red]error[/] restore: {e.Message}");
                return CliApp.BadInput;
            }
        });
        return command;
    }

    private static Option<string> DatabaseOption() => new("--db")
    {
        Description = "SQLite database file. Default: the one the host uses (see 'microcred issue --help').",
        DefaultValueFactory = _ => DataLocation.DefaultDatabasePath(),
    };

    private static Option<string?> PassphraseOption() => new("--passphrase")
    {
        Description = "Passphrase of the private keys in the backup. Default: $" + PassphraseVariable + ".",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(PassphraseVariable),
    };
}
