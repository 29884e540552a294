using MicroCredentials.Data.Jobs;
using MicroCredentials.Host.Infrastructure.Telemetry;

namespace MicroCredentials.Host.Infrastructure.Configuration;

internal static partial class ConfigurationCheck
{
    private static void CheckTelemetry(TelemetryOptions? options, List<ConfigurationProblem> problems)
    {
        if (options is null)
        {
            return;
        }

        const string Endpoint = "Telemetry:Otlp:Endpoint";
        if (options.Otlp.Endpoint is { Length: > 0 } endpoint
            && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0))
        {
            problems.Add(new(Endpoint, $"'{endpoint}' is not an absolute http(s) address.",
                $"set {Endpoint} to the collector's address, such as http://collector:4317 (gRPC) or http://collector:4318 (http/protobuf), or remove it."));
        }

        if (!options.Otlp.Protocol.Equals(TelemetryOtlpOptions.Grpc, StringComparison.OrdinalIgnoreCase)
            && !options.Otlp.Protocol.Equals(TelemetryOtlpOptions.HttpProtobuf, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new("Telemetry:Otlp:Protocol", $"'{options.Otlp.Protocol}' is not an OTLP protocol.",
                $"set Telemetry:Otlp:Protocol to {TelemetryOtlpOptions.Grpc} (the default) or {TelemetryOtlpOptions.HttpProtobuf}."));
        }

        if (options.Otlp.Headers is { Length: > 0 } headers
            && headers.Split(',').Any(h => h.IndexOf('=', StringComparison.Ordinal) is var at && (at <= 0 || h[..at].Trim().Length == 0)))
        {
            problems.Add(new("Telemetry:Otlp:Headers", "is not a list of name=value pairs separated by commas.",
                "write it as name=value,other=value (for example api-key=…)."));
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            problems.Add(new("Telemetry:ServiceName", "is empty.", "set Telemetry:ServiceName to a name for this service (default microcredentials), or remove it."));
        }
    }

    private static void CheckLogging(IConfiguration configuration, List<ConfigurationProblem> problems)
    {
        if (configuration[LogFormats.Setting] is { } format
            && !format.Equals(LogFormats.Text, StringComparison.OrdinalIgnoreCase) && !format.Equals(LogFormats.Json, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new(LogFormats.Setting, $"'{format}' is not a log format.", $"set {LogFormats.Setting} to {LogFormats.Text} (the default) or {LogFormats.Json}."));
        }
    }

    private static void CheckJobs(BatchJobOptions? options, List<ConfigurationProblem> problems)
    {
        try
        {
            options?.Validate();
        }
        catch (InvalidOperationException e)
        {
            // The runner's message starts with the setting ("Jobs:Workers must be 1–256 (is 0)").
            var setting = e.Message.StartsWith("Jobs:", StringComparison.Ordinal) ? e.Message.Split(' ')[0] : "Jobs";
            var problem = setting == "Jobs" ? e.Message : e.Message[(setting.Length + 1)..];
            problems.Add(new(setting, problem, $"correct {setting}, or remove it for the default."));
        }
    }
}
