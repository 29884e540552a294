using System.Text.Json.Serialization;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>The answer of <c>/healthz/live</c> and <c>/healthz/ready</c>: <c>live</c>, <c>ready</c> or <c>not_ready</c>, and every check.</summary>
internal sealed record HealthAnswer(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("checks")] IReadOnlyList<HealthCheck> Checks);
