using System.Text.Json.Serialization;

namespace MicroCredentials.Host.Components;

/// <summary>One value in which an uploaded file differs from the genuine credential we hold with the same id.</summary>
/// <param name="Field">The value's name, as the API writes it (<c>learner_name</c>, <c>grade</c>, …).</param>
/// <param name="LabelKey">The text key of its label on the page.</param>
/// <param name="FileValue">What the file says (invariant form), or null when the file does not say.</param>
/// <param name="GenuineValue">What the genuine credential says, or null.</param>
public sealed record FactDifference(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonIgnore] string LabelKey,
    [property: JsonPropertyName("file")] string? FileValue,
    [property: JsonPropertyName("genuine")] string? GenuineValue);
