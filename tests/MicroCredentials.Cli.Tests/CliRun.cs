using Spectre.Console.Testing;

namespace MicroCredentials.Cli.Tests;

/// <summary>The outcome of one <c>microcred</c> run: exit code and everything it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output)
{
    /// <summary>Runs the real command tree with a recording console wide enough that lines do not wrap.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var console = new TestConsole();
        console.Profile.Width = 400;
        var code = await CliApp.RunAsync(args, console, TimeProvider.System, CancellationToken.None);
        return new CliRun(code, console.Output);
    }

    public override string ToString() => $"exit {ExitCode}:\n{Output}";
}
