using System.CommandLine;
using MicroCredentials.Data;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

/// <summary>
/// <c>microcred apikeys create --name ERP --role issuer</c>, <c>apikeys list</c> and <c>apikeys revoke &lt;id&gt;</c>: the
/// API keys of integrations, on the same database as the host (the staff app's administration page does the same).
/// </summary>
internal static class ApikeysCommand
{
    /// <summary>The longest key name accepted (it is shown in lists and written in the audit log).</summary>
    public const int MaxNameLength = 100;

    public static Command Create(CliContext context)
    {
        var command = new Command("apikeys", "Create, list and revoke the API keys of integrations (the key is shown once).");
        command.Subcommands.Add(CreateKey(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Revoke(context));
        return command;
    }

    private static Command CreateKey(CliContext context)
    {
        var common = new CommonOptions();
        var name = new Option<string>("--name") { Description = "What the key is for (shown in lists and the audit log).", Required = true };
        var role = new Option<string>("--role") { Description = "issuer (issue, read) or administrator (also revoke, suspend, re-issue).", DefaultValueFactory = _ => "issuer" };
        var actor = CommonOptions.Actor();
        var command = new Command("create", "Create an API key and print it once; only its hash is stored.");
        command.Options.Add(name);
        command.Options.Add(role);
        command.Options.Add(actor);
        command.Options.Add(common.Database);
        command.Options.Add(common.Postgres);
        command.SetAction(async (parse, ct) =>
        {
            var label = parse.GetValue(name)!.Trim();
            if (label.Length is 0 or > MaxNameLength)
            {
                context.Console.MarkupLineInterpolated($"[red]error[/] --name must be 1 to {MaxNameLength} characters.");
                return CliApp.BadInput;
            }

            if (!TryRole(parse.GetValue(role), out var keyRole))
            {
                context.Console.MarkupLine("[red]error[/] --role must be issuer or administrator.");
                return CliApp.BadInput;
            }

            await using var store = await common.OpenStoreAsync(parse, context, ct);
            var created = await store.CreateApiKeyAsync(label, keyRole, "cli:" + parse.GetValue(actor), ct);
            context.Console.MarkupLineInterpolated($"[green]ok[/] API key {created.Key.Id} '{label}' ({keyRole}) created. Shown once, store it now:");
            context.Console.Profile.Out.Writer.WriteLine(created.PlainKey);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var common = new CommonOptions();
        var command = new Command("list", "List the API keys (id, name, role, created, revoked); never their secrets.");
        command.Options.Add(common.Database);
        command.Options.Add(common.Postgres);
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await common.OpenStoreAsync(parse, context, ct);
            var keys = await store.ListApiKeysAsync(ct);
            if (keys.Count == 0)
            {
                context.Console.MarkupLine("no API keys");
                return CliApp.Ok;
            }

            foreach (var key in keys)
            {
                var state = key.RevokedAt is { } at ? $"revoked {at:yyyy-MM-dd HH:mm}Z" : "active";
                context.Console.MarkupLineInterpolated($"{key.Id}\t{key.Name}\t{key.Role}\tcreated {key.CreatedAt:yyyy-MM-dd HH:mm}Z\t{state}");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var common = new CommonOptions();
        var id = new Argument<long>("id") { Description = "The key's id (from 'apikeys list')." };
        var actor = CommonOptions.Actor();
        var command = new Command("revoke", "Revoke an API key: requests with it get 401 from then on.");
        command.Arguments.Add(id);
        command.Options.Add(actor);
        command.Options.Add(common.Database);
        command.Options.Add(common.Postgres);
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await common.OpenStoreAsync(parse, context, ct);
            var keyId = parse.GetValue(id);
            if (!await store.RevokeApiKeyAsync(keyId, "cli:" + parse.GetValue(actor), ct))
            {
                context.Console.MarkupLineInterpolated($"[red]error[/] no active API key with id {keyId}.");
                return CliApp.BadInput;
            }

            context.Console.MarkupLineInterpolated($"[green]ok[/] API key {keyId} revoked.");
            return CliApp.Ok;
        });
        return command;
    }

    private static bool TryRole(string? text, out ApiKeyRole role)
    {
        role = ApiKeyRole.Issuer;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "issuer":
                return true;
            case "administrator" or "admin":
                role = ApiKeyRole.Administrator;
                return true;
            default:
                return false;
        }
    }

}
