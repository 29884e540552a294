using System.CommandLine;
using MicroCredentials.Data.Jobs;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

/// <summary>
/// <c>microcred revoke-job &lt;job&gt; --reason …</c>: revokes every credential a finished batch job issued (a batch
/// issued by mistake), each audit-logged with the reason and the job.
/// </summary>
internal static class RevokeJobCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var job = new Argument<string>("job") { Description = "The batch job's id (printed by 'microcred issue', shown by the API)." };
        var reason = new Option<string>("--reason") { Description = "Why (kept with each credential and in the audit log).", Required = true };
        var actor = CommonOptions.Actor();
        var command = new Command("revoke-job", "Revoke every credential a finished batch job issued (irreversible).");
        command.Arguments.Add(job);
        command.Options.Add(reason);
        command.Options.Add(actor);
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var console = context.Console;
            var why = parse.GetValue(reason)!.Trim();
            if (why.Length == 0)
            {
                console.MarkupLine("[red]error[/] --reason must not be empty: it is kept in the audit log.");
                return CliApp.BadInput;
            }

            await using var env = await CliEnvironment.OpenAsync(parse, common, context, ct);
            if (env is null)
            {
                return CliApp.BadInput;
            }

            var id = parse.GetValue(job)!.Trim();
            var (done, status) = await env.Store.RevokeBatchJobAsync(id, why, parse.GetValue(actor)!, ct);
            if (status is null)
            {
                console.MarkupLineInterpolated($"[red]error[/] no batch job '{id}' in this database.");
                return CliApp.BadInput;
            }

            if (done is null)
            {
                console.MarkupLineInterpolated(
                    $"[red]error[/] job {id} is {status.State.ToString().ToLowerInvariant()}: let it finish (microcred issue --resume {id}) or cancel it, then revoke.");
                return CliApp.Failed;
            }

            console.MarkupLineInterpolated($"revoked {done.Revoked} credentials of job {id} ({done.AlreadyRevoked} were revoked before)");
            return CliApp.Ok;
        });
        return command;
    }
}
