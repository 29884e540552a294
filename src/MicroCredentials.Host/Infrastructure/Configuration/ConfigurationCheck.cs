using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using MicroCredentials.Data.Jobs;
using MicroCredentials.Host.Infrastructure.Telemetry;

namespace MicroCredentials.Host.Infrastructure.Configuration;

/// <summary>
/// Every setting the host reads, checked before anything starts: values of the wrong type, unknown choices, the public
/// address, storage (PostgreSQL connects), the download-link secret, the catalogue, the keys (loaded through the same
/// code as at start-up, so a wrong seal password shows here), the time-stamping authority, telemetry, logging, health and
/// jobs. Each problem names its setting and the fix. One implementation for two callers: host start-up
/// (<see cref="ConfigurationGate"/>) and <c>microcred config check</c>.
/// </summary>
internal static partial class ConfigurationCheck
{
    /// <summary>Exit code of the host and of <c>microcred config check</c> when a setting is wrong.</summary>
    public const int ExitCode = 2;

    /// <summary>Runs every check.</summary>
    /// <param name="configuration">The configuration as the host would read it.</param>
    /// <param name="environmentName">The host environment (<c>Production</c> unless <c>ASPNETCORE_ENVIRONMENT</c> says otherwise).</param>
    /// <param name="contentRoot">The folder relative paths resolve against (the host's content root).</param>
    /// <param name="cancellationToken">Cancels the checks that connect (PostgreSQL).</param>
    /// <returns>The problems, in the order of the settings; empty when the host can start.</returns>
    public static async Task<IReadOnlyList<ConfigurationProblem>> RunAsync(IConfiguration configuration, string environmentName, string contentRoot,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<ConfigurationProblem>();
        var issuer = Bind<IssuerOptions>(configuration, IssuerOptions.Section, problems);
        var telemetry = Bind<TelemetryOptions>(configuration, TelemetryOptions.Section, problems);
        var health = Bind<HealthOptions>(configuration, HealthOptions.Section, problems);
        var jobs = Bind<BatchJobOptions>(configuration, "Jobs", problems);
        if (issuer is not null)
        {
            await CheckIssuerAsync(issuer, environmentName, contentRoot, problems, cancellationToken);
        }

        CheckTelemetry(telemetry, problems);
        CheckLogging(configuration, problems);
        Annotations(health, HealthOptions.Section, new HashSet<string>(), problems);
        CheckJobs(jobs, problems);
        return problems;
    }

    /// <summary>The message printed for <paramref name="problems"/>: a first line, then one line per problem.</summary>
    public static string Describe(IReadOnlyList<ConfigurationProblem> problems) =>
        $"The configuration has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}; nothing was started:"
        + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));

    // Values first (a binder exception would be a stack trace), then the bound options; null when binding still failed.
    private static T? Bind<T>(IConfiguration configuration, string section, List<ConfigurationProblem> problems)
        where T : class, new()
    {
        var before = problems.Count;
        CheckValues(configuration, section, typeof(T), problems, depth: 0);
        if (problems.Count > before)
        {
            return null;
        }

        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            problems.Add(new(section, e.Message, $"correct the values under {section} (see README, Operating it)."));
            return null;
        }
    }

    // Every scalar property the binder would convert: a value that does not convert is named with what it must be.
    private static void CheckValues(IConfiguration configuration, string section, Type type, List<ConfigurationProblem> problems, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{section}:{property.Name}";
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (target == typeof(string) || target.IsArray || (target.IsGenericType && target.GetGenericTypeDefinition() != typeof(Nullable<>)))
            {
                continue;
            }

            // Nested option classes (Telemetry:Otlp): their own values, one level deep is all the options have.
            if (target.IsClass && target != typeof(Uri))
            {
                if (depth == 0)
                {
                    CheckValues(configuration, key, target, problems, depth + 1);
                }

                continue;
            }

            if (configuration[key] is not { } value || Converts(value, target))
            {
                continue;
            }

            problems.Add(new(key, $"'{value}' is not {Expected(target)}.", $"set {key} to {Expected(target)}, or remove it for the default."));
        }
    }

    private static bool Converts(string value, Type target)
    {
        if (target.IsEnum)
        {
            return Enum.TryParse(target, value, ignoreCase: true, out var parsed) && Enum.IsDefined(target, parsed!);
        }

        try
        {
            return TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value) is not null;
        }
#pragma warning disable CA1031 // Type converters throw many types (FormatException, OverflowException, ArgumentException, …): each one means "does not convert".
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static string Expected(Type target) =>
        target.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(target))
        : target == typeof(bool) ? "true or false"
        : target == typeof(int) || target == typeof(long) ? "a whole number"
        : target == typeof(double) ? "a number"
        : target == typeof(TimeSpan) ? "a time span such as 00:00:30"
        : target == typeof(Uri) ? "an absolute URL"
        : "a " + target.Name;

    // The data annotations of an options class ([Range], [Required], [TrustedProxies], …), except the members checked by hand.
    private static void Annotations(object? options, string section, IReadOnlySet<string> checkedByHand, List<ConfigurationProblem> problems)
    {
        if (options is null)
        {
            return;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty("").Where(m => !checkedByHand.Contains(m)))
            {
                var key = member.Length == 0 ? section : $"{section}:{member}";
                var message = result.ErrorMessage ?? "is not valid.";
                message = message.StartsWith(key + ": ", StringComparison.Ordinal) ? message[(key.Length + 2)..] : message;
                problems.Add(new(key, message, $"correct {key}, or remove it for the default."));
            }
        }
    }
}
