namespace MicroCredentials.Host.Infrastructure.Configuration;

/// <summary>Host start-up's use of <see cref="ConfigurationCheck"/>: a wrong setting stops the start with its message, not a stack trace.</summary>
internal static class ConfigurationGate
{
    /// <summary>
    /// Checks the builder's configuration. Returns null when the host can start; otherwise prints every problem to
    /// standard error and returns <see cref="ConfigurationCheck.ExitCode"/> for <c>Program</c> to exit with.
    /// </summary>
    public static async Task<int?> CheckConfigurationAsync(this WebApplicationBuilder builder)
    {
        var problems = await ConfigurationCheck.RunAsync(builder.Configuration, builder.Environment.EnvironmentName,
            builder.Environment.ContentRootPath, CancellationToken.None);
        if (problems.Count == 0)
        {
            return null;
        }

        await Console.Error.WriteLineAsync(ConfigurationCheck.Describe(problems));
        return ConfigurationCheck.ExitCode;
    }
}
