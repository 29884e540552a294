namespace MicroCredentials.Host.Infrastructure.Telemetry;

/// <summary>
/// Configuration section <c>Telemetry</c>: OpenTelemetry traces and metrics over OTLP. Off by default; with
/// <c>Telemetry:Enabled=true</c> and no endpoint the exporter follows the standard <c>OTEL_EXPORTER_OTLP_*</c> variables
/// (default <c>http://localhost:4317</c>, gRPC). Checked at start by <see cref="Configuration.ConfigurationCheck"/>.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Telemetry";

    /// <summary>Whether traces and metrics are exported. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The <c>service.name</c> resource attribute. Default <c>microcredentials</c>.</summary>
    public string ServiceName { get; set; } = "microcredentials";

    /// <summary>The <c>service.instance.id</c> resource attribute (tells hosts apart). Default the machine name.</summary>
    public string? ServiceInstanceId { get; set; }

    /// <summary>Where to export.</summary>
    public TelemetryOtlpOptions Otlp { get; set; } = new();
}
