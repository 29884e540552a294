using System.CommandLine;
using MicroCredentials.Data;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

/// <summary><c>microcred revoke|suspend|unsuspend &lt;credential id&gt; --reason …</c>: status changes, audited.</summary>
internal static class StatusCommands
{
    public static Command Revoke(CliContext context) => Create(context, new("revoke", "revoked", "was already revoked"),
        "Revoke a credential (irreversible): its verification page and every verifier then report it revoked.",
        (env, id, reason, actor, ct) => env.Issuance.RevokeAsync(id, reason, actor, ct), requireReason: true);

    public static Command Suspend(CliContext context) => Create(context, new("suspend", "suspended", "was already suspended"),
        "Suspend a credential temporarily (lift it with 'unsuspend').",
        (env, id, reason, actor, ct) => env.Issuance.SuspendAsync(id, reason, actor, ct), requireReason: true);

    public static Command Unsuspend(CliContext context) => Create(context, new("unsuspend", "unsuspended", "was not suspended"),
        "Lift the suspension of a credential (--reason is optional).",
        (env, id, reason, actor, ct) => env.Issuance.UnsuspendAsync(id, reason, actor, ct), requireReason: false);

    /// <summary>A command's name and the words of its outcome messages.</summary>
    /// <param name="Name">The command, e.g. <c>suspend</c>.</param>
    /// <param name="Done">The past participle printed on success, e.g. <c>suspended</c>.</param>
    /// <param name="AlreadyThere">What an unchanged credential already was, e.g. <c>was already suspended</c>.</param>
    private sealed record Wording(string Name, string Done, string AlreadyThere);

    private static Command Create(CliContext context, Wording wording, string description,
        Func<CliEnvironment, string, string, string, CancellationToken, Task<StatusChangeOutcome>> action, bool requireReason)
    {
        var common = new CommonOptions();
        var id = new Argument<string>("credential") { Description = "The credential id (urn:uuid:…), handle or short code." };
        var reason = new Option<string>("--reason") { Description = "Why (kept in the audit log).", Required = requireReason, DefaultValueFactory = _ => "" };
        var actor = CommonOptions.Actor();
        var command = new Command(wording.Name, description);
        command.Arguments.Add(id);
        command.Options.Add(reason);
        command.Options.Add(actor);
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var env = await CliEnvironment.OpenAsync(parse, common, context, ct);
            if (env is null)
            {
                return CliApp.BadInput;
            }

            var given = parse.GetValue(id)!.Trim();
            var why = parse.GetValue(reason)!.Trim();
            if (requireReason && why.Length == 0)
            {
                context.Console.MarkupLineInterpolated($"[red]error[/] --reason must not be empty: it is kept in the audit log.");
                return CliApp.BadInput;
            }

            // The output files are named by the bare UUID, so accept that too.
            var stored = await env.Issuance.FindAsync(given, ct);
            if (stored is null)
            {
                context.Console.MarkupLineInterpolated($"[red]error[/] no credential with id, handle or code '{given}'.");
                return CliApp.BadInput;
            }

            var outcome = await action(env, stored.Id, why, parse.GetValue(actor)!, ct);
            var message = outcome switch
            {
                StatusChangeOutcome.Changed => $"[green]{wording.Done}[/] {Markup.Escape(stored.Id)}",
                StatusChangeOutcome.Unchanged => $"[yellow]unchanged[/] {Markup.Escape(stored.Id)} {wording.AlreadyThere}",
                StatusChangeOutcome.AlreadyRevoked => $"[red]refused[/] {Markup.Escape(stored.Id)} is revoked; revocation cannot be undone",
                _ => $"[red]not found[/] {Markup.Escape(stored.Id)}",
            };
            context.Console.MarkupLine(message);
            return outcome is StatusChangeOutcome.Changed or StatusChangeOutcome.Unchanged ? CliApp.Ok : CliApp.Failed;
        });
        return command;
    }
}
