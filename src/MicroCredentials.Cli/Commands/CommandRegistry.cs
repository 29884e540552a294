using System.CommandLine;

namespace MicroCredentials.Cli.Commands;

/// <summary>The commands beyond <c>catalog</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        yield return IssueCommand.Create(context);
        yield return VerifyCommand.Create(context);
        yield return StatusCommands.Revoke(context);
        yield return RevokeJobCommand.Create(context);
        yield return StatusCommands.Suspend(context);
        yield return StatusCommands.Unsuspend(context);
        yield return ReissueCommand.Create(context);
        yield return RenderCommand.Create(context);
        yield return KeysCommand.Create(context);
        yield return IdentityCommand.Create(context);
        yield return BackupCommand.Backup(context);
        yield return BackupCommand.Restore(context);
        yield return ApikeysCommand.Create(context);
        yield return ConfigCommand.Create(context);
    }
}
