using System.Text.Json.Nodes;

namespace MicroCredentials.Jwt;

/// <summary>
/// The issuer's JWT verification keys (current and retired), found by <c>kid</c> or by the thumbprint of a
/// <c>jwk</c> header. A token whose key is not in this set is rejected with <see cref="JwtVerificationFailure.UnknownKey"/>.
/// </summary>
public sealed class JwtKeyResolver
{
    private readonly Dictionary<string, JwtPublicKey> byKeyId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JwtPublicKey> byThumbprint = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver over a fixed set of keys.</summary>
    /// <param name="keys">The keys; duplicates (same key id) are kept once.</param>
    public JwtKeyResolver(IEnumerable<JwtPublicKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            byKeyId.TryAdd(key.KeyId, key);
            byThumbprint.TryAdd(key.Thumbprint, key);
        }

        Keys = [.. byKeyId.Values];
    }

    /// <summary>The keys, in the order given (first occurrence of each key id).</summary>
    public IReadOnlyList<JwtPublicKey> Keys { get; }

    /// <summary>The key whose key id is exactly <paramref name="kid"/>, or null.</summary>
    public JwtPublicKey? FindByKeyId(string kid)
    {
        ArgumentNullException.ThrowIfNull(kid);
        return byKeyId.GetValueOrDefault(kid);
    }

    /// <summary>The key with the same public key material as <paramref name="jwk"/> (by RFC 7638 thumbprint), or null.</summary>
    public JwtPublicKey? FindByJwk(JsonObject jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        var thumbprint = JwtPublicKey.ComputeThumbprint(jwk);
        return thumbprint is null ? null : byThumbprint.GetValueOrDefault(thumbprint);
    }
}
