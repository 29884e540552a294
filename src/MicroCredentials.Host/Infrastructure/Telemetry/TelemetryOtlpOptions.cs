namespace MicroCredentials.Host.Infrastructure.Telemetry;

/// <summary>Configuration section <c>Telemetry:Otlp</c>: the OpenTelemetry collector to export to.</summary>
public sealed class TelemetryOtlpOptions
{
    /// <summary>The gRPC protocol value (the default).</summary>
    public const string Grpc = "grpc";

    /// <summary>The HTTP protocol value (protobuf over HTTP/1.1).</summary>
    public const string HttpProtobuf = "http/protobuf";

    /// <summary>
    /// The collector's base address, an absolute <c>http</c> or <c>https</c> URL such as <c>http://collector:4317</c>
    /// (gRPC) or <c>http://collector:4318</c> (HTTP; <c>/v1/traces</c> and <c>/v1/metrics</c> are appended). Default
    /// none: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, else <c>http://localhost:4317</c>.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary><see cref="Grpc"/> (default) or <see cref="HttpProtobuf"/>.</summary>
    public string Protocol { get; set; } = Grpc;

    /// <summary>Headers sent with every export, as <c>name=value</c> pairs separated by commas (e.g. an API key). Default none.</summary>
    public string? Headers { get; set; }
}
