namespace MicroCredentials.Data;

/// <summary>One immutable version of a catalogue entry (a micro-credential's description).</summary>
/// <param name="Code">The micro-credential's catalogue code.</param>
/// <param name="Version">The version label.</param>
/// <param name="Json">The catalogue entry as JSON.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the UTF-8 JSON.</param>
/// <param name="CreatedAt">When it was first saved.</param>
public sealed record CatalogueVersion(string Code, string Version, string Json, string Sha256, DateTimeOffset CreatedAt);
