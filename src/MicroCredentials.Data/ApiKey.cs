namespace MicroCredentials.Data;

/// <summary>An API key's metadata (never its secret).</summary>
/// <param name="Id">The row id, also embedded in the key text.</param>
/// <param name="Name">A label for people and the audit log.</param>
/// <param name="Role">What the key may do.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked, or <see langword="null"/>.</param>
public sealed record ApiKey(long Id, string Name, ApiKeyRole Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
