namespace MicroCredentials.Status;

/// <summary>A status list credential as held by <see cref="StatusListClient"/>: what, when, and until when it is fresh.</summary>
/// <param name="Credential">The parsed list credential.</param>
/// <param name="FetchedAt">When it was last fetched or revalidated.</param>
/// <param name="FreshUntil">Until when it is used without asking the server again.</param>
/// <param name="ETag">The response's entity tag, used for revalidation; null when the server sent none.</param>
public sealed record FetchedStatusList(StatusListCredential Credential, DateTimeOffset FetchedAt, DateTimeOffset FreshUntil, string? ETag);
