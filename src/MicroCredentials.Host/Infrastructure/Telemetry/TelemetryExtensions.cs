using MicroCredentials.Host.Infrastructure.Configuration;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MicroCredentials.Host.Infrastructure.Telemetry;

/// <summary>Registers OpenTelemetry (when <c>Telemetry:Enabled</c>) and the log format (<c>Logging:Format</c>).</summary>
internal static class TelemetryExtensions
{
    /// <summary>
    /// With <c>Telemetry:Enabled</c>: traces of our spans, ASP.NET Core requests and outgoing HTTP; metrics of our
    /// instruments, ASP.NET Core, HTTP client and the .NET runtime; both exported over OTLP. Otherwise nothing is added
    /// and recording an instrument costs next to nothing.
    /// </summary>
    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        if (LogFormats.Json.Equals(builder.Configuration[LogFormats.Setting], StringComparison.OrdinalIgnoreCase))
        {
            // One JSON object per line on the console (the built-in formatter), times in UTC; text stays the default.
            builder.Logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.IncludeScopes = true;
            });
        }

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Enabled)
        {
            return;
        }

        var version = typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceVersion: version,
                serviceInstanceId: options.ServiceInstanceId ?? Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource(ProductTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(otlp => Configure(otlp, options.Otlp, "v1/traces")))
            .WithMetrics(metrics => metrics
                .AddMeter(ProductTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter(otlp => Configure(otlp, options.Otlp, "v1/metrics")));
    }

    // Only what is configured is set: the rest follows the OTEL_EXPORTER_OTLP_* variables.
    private static void Configure(OtlpExporterOptions otlp, TelemetryOtlpOptions options, string httpPath)
    {
        var http = TelemetryOtlpOptions.HttpProtobuf.Equals(options.Protocol, StringComparison.OrdinalIgnoreCase);
        otlp.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        if (options.Endpoint is { Length: > 0 } endpoint)
        {
            // A programmatic endpoint is used as is: over HTTP the signal's path must be added here (the variable gets it added).
            var root = new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/");
            otlp.Endpoint = http ? new Uri(root, httpPath) : new Uri(endpoint);
        }

        if (options.Headers is { Length: > 0 } headers)
        {
            otlp.Headers = headers;
        }
    }
}
