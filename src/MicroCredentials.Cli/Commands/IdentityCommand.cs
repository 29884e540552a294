using System.CommandLine;
using MicroCredentials.Data;
using MicroCredentials.JsonLd;
using MicroCredentials.Keys;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

/// <summary>
/// <c>microcred identity show</c> and <c>microcred identity move --to https://new</c>: the issuer identity stored in
/// the database, and the explicit domain move that keeps the old identity trusted and published.
/// </summary>
internal static class IdentityCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("identity", "The issuer identity stored in the database (did:web, public address, keys), and moving it to a new address.");
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Move(context));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var common = new CommonOptions();
        var command = new Command("show", "Print the stored issuer identity and the earlier ones still trusted.");
        command.Options.Add(common.Database);
        command.Options.Add(common.Postgres);
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await common.OpenStoreAsync(parse, context, ct);
            var identities = await store.ListIssuerIdentitiesAsync(ct);
            if (identities.Count == 0)
            {
                context.Console.MarkupLine("[yellow]no identity yet[/]: it is recorded when the host starts or the first credential is issued.");
                return CliApp.Ok;
            }

            foreach (var identity in identities)
            {
                var state = identity.RetiredAt is null ? "[green]current[/]" : $"[grey]earlier (moved away {identity.RetiredAt:yyyy-MM-dd}), still trusted[/]";
                context.Console.MarkupLine($"{state} {Markup.Escape(identity.IssuerId)}  {Markup.Escape(identity.PublicBaseUrl)}  Ed25519 {Markup.Escape(identity.Ed25519Key)}");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Move(CliContext context)
    {
        var common = new CommonOptions();
        var to = new Option<Uri>("--to")
        {
            Description = "The new public base URL (https://…). Earlier credentials keep verifying: the old identity stays trusted and published.",
            Required = true,
            CustomParser = r => Uri.TryCreate(r.Tokens.Count == 1 ? r.Tokens[0].Value : "", UriKind.Absolute, out var u) && u.Scheme is "https" or "http"
                ? u
                : Fail(r),
        };
        var actor = CommonOptions.Actor();
        var command = new Command("move", "Move the issuer to a new public address (a domain move). Then set Issuer:PublicBaseUrl to it and restart the host.");
        command.Options.Add(to);
        command.Options.Add(actor);
        command.Options.Add(common.Database);
        command.Options.Add(common.Postgres);
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(to)!;
            string issuerId;
            try
            {
                issuerId = DidWeb.FromBaseUrl(target);
            }
            catch (ArgumentException e)
            {
                context.Console.MarkupLineInterpolated($"[red]error[/] --to: {e.Message}");
                return CliApp.BadInput;
            }

            await using var store = await common.OpenStoreAsync(parse, context, ct);
            var current = (await store.ListIssuerIdentitiesAsync(ct)).FirstOrDefault(i => i.RetiredAt is null);
            if (current is null)
            {
                context.Console.MarkupLine("[yellow]nothing to move[/]: the database has no identity yet. Set Issuer:PublicBaseUrl and start the host (or issue) instead.");
                return CliApp.BadInput;
            }

            var baseUrl = IssuerIdentity.NormalizeBaseUrl(target);
            var next = current with { IssuerId = issuerId, PublicBaseUrl = baseUrl, ContextUrl = ContextUrls.MicroCredentialV1At(baseUrl) };
            var outcome = await store.MoveIssuerIdentityAsync(next, parse.GetValue(actor)!, ct);
            if (outcome == IssuerIdentityMoveOutcome.AlreadyThere)
            {
                context.Console.MarkupLineInterpolated($"[yellow]unchanged[/] the issuer already is {issuerId}.");
                return CliApp.Ok;
            }

            context.Console.MarkupLineInterpolated($"[green]moved[/] {current.IssuerId} → {issuerId}. The old identity stays trusted and its did.json is still served.");
            context.Console.MarkupLineInterpolated($"Now: set Issuer:PublicBaseUrl to {baseUrl} and restart the host; keep {current.PublicBaseUrl} pointing at the host (did.json, status lists, old QR codes).");
            return CliApp.Ok;
        });
        return command;
    }

    private static Uri Fail(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError("--to must be an absolute http(s) URL such as https://credentials.example.org.");
        return null!;
    }

}
