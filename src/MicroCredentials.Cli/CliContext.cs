using Spectre.Console;

namespace MicroCredentials.Cli;

/// <summary>What every command gets: the console to write to and the clock.</summary>
/// <param name="Console">Output (a recording console in tests).</param>
/// <param name="Time">The clock.</param>
internal sealed record CliContext(IAnsiConsole Console, TimeProvider Time);
