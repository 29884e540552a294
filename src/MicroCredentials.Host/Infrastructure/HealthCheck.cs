using System.Text.Json.Serialization;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>One readiness check: its name, <c>pass</c> or <c>fail</c>, and what it found.</summary>
internal sealed record HealthCheck(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("detail")] string Detail);
