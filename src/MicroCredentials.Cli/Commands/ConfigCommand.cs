using System.CommandLine;
using MicroCredentials.Data;
using MicroCredentials.Host.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace MicroCredentials.Cli.Commands;

/// <summary>
/// <c>microcred config check [--config appsettings.json …] [--environment Production]</c>: runs the host's own start-up
/// checks (<see cref="ConfigurationCheck"/>, one implementation) on a configuration without starting anything. Exit code
/// 0 when the host would start, 2 with one line per wrong setting (its name, the problem and the fix).
/// </summary>
internal static class ConfigCommand
{
    /// <summary>The host's settings file name.</summary>
    private const string SettingsFile = "appsettings.json";

    public static Command Create(CliContext context)
    {
        var files = new Option<FileInfo[]>("--config")
        {
            Description = "Settings files, read in order as the host reads appsettings.json (later ones win); then the environment variables. "
                + "Default: appsettings.json in the current folder, else the host's (src/MicroCredentials.Host/appsettings.json in a clone). "
                + "Relative paths in them resolve from the first file's folder, as from the host's content root.",
            AllowMultipleArgumentsPerToken = true,
        };
        var environment = new Option<string?>("--environment")
        {
            Description = "The host environment to check for (https is required in Production). Default: $ASPNETCORE_ENVIRONMENT, else Production.",
        };
        var check = new Command("check", "Check every setting the host reads, as start-up does, without starting it. Exit code 0: it would start; 2: a setting is wrong.");
        check.Options.Add(files);
        check.Options.Add(environment);
        check.SetAction(async (parse, ct) =>
        {
            var given = parse.GetValue(files) ?? [];
            var paths = given.Length > 0 ? [.. given.Select(f => f.FullName)] : DefaultFiles();
            var missing = paths.FirstOrDefault(p => !File.Exists(p));
            if (missing is not null)
            {
                context.Console.MarkupLineInterpolated($"[red]error[/] --config: {missing} does not exist.");
                return CliApp.BadInput;
            }

            var name = parse.GetValue(environment) ?? EnvironmentName();
            var contentRoot = paths.Count > 0 ? Path.GetDirectoryName(paths[0])! : Directory.GetCurrentDirectory();
            var configuration = Build(paths, contentRoot, name, explicitFiles: given.Length > 0);
            context.Console.MarkupLineInterpolated(
                $"[grey]configuration: {(paths.Count == 0 ? "defaults" : string.Join(", ", paths))} and the environment variables ({name}; paths from {contentRoot})[/]");
            var problems = await ConfigurationCheck.RunAsync(configuration, name, contentRoot, ct);
            if (problems.Count == 0)
            {
                context.Console.MarkupLine("[green]ok[/] every setting checked: the host would start.");
                return CliApp.Ok;
            }

            context.Console.WriteLine(ConfigurationCheck.Describe(problems));
            return ConfigurationCheck.ExitCode;
        });

        var config = new Command("config", "Check the host's configuration.");
        config.Subcommands.Add(check);
        return config;
    }

    // As the host: the files, appsettings.{Environment}.json beside the first (when the files were not named), the environment.
    private static IConfiguration Build(IReadOnlyList<string> paths, string contentRoot, string environmentName, bool explicitFiles)
    {
        var builder = new ConfigurationBuilder();
        foreach (var path in paths)
        {
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        var forEnvironment = Path.Combine(contentRoot, $"appsettings.{environmentName}.json");
        if (!explicitFiles && File.Exists(forEnvironment))
        {
            builder.AddJsonFile(forEnvironment, optional: true, reloadOnChange: false);
        }

        return builder.AddEnvironmentVariables().Build();
    }

    private static List<string> DefaultFiles()
    {
        var here = Path.Combine(Directory.GetCurrentDirectory(), SettingsFile);
        if (File.Exists(here))
        {
            return [here];
        }

        var host = DataLocation.RepositoryRoot() is { } root ? Path.Combine(root, "src", "MicroCredentials.Host", SettingsFile) : null;
        return host is not null && File.Exists(host) ? [host] : [];
    }

    private static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspnet ? aspnet
        : Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet
        : "Production";
}
