using System.CommandLine;

namespace MicroCredentials.Cli.Commands;

/// <summary>The commands beyond <c>catalog</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [];
    }
}
