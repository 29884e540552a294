namespace MicroCredentials.Data;

/// <summary>A new API key. <see cref="PlainKey"/> is shown once and never stored; only its SHA-256 is.</summary>
/// <param name="Key">The stored metadata.</param>
/// <param name="PlainKey">The secret to hand to the client, in the form <c>mck_{id}_{secret}</c>.</param>
public sealed record CreatedApiKey(ApiKey Key, string PlainKey);
